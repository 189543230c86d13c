package com.userimages.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Who may do what on the images bucket: the table infrastructure grants from, checked against API.md's "Uploads". */
class ApiFunctionTest {
    /** Prefix → actions, as one function's role will allow them. */
    private static Map<String, Set<String>> grants(ApiFunction function) {
        Map<String, Set<String>> grants = new TreeMap<>();
        for (ObjectAccess access : function.objectAccess()) {
            assertTrue(grants.put(access.prefix(), new TreeSet<>(access.actions())) == null,
                    function.functionName() + " names " + access.prefix() + " twice");
        }
        return grants;
    }

    @Test
    void eachFunctionReachesOnlyThePrefixesAndActionsItUses() {
        assertEquals(Map.of(), grants(ApiFunction.CREATE_TABLE));
        assertEquals(Map.of("uploads/", Set.of("s3:PutObject", "s3:GetObject", "s3:DeleteObject"),
                "images/", Set.of("s3:PutObject", "s3:DeleteObject")), grants(ApiFunction.APPEND_COLLECTION));
        assertEquals(Map.of("images/", Set.of("s3:GetObject")), grants(ApiFunction.GET_ITEM));
        assertEquals(Map.of("images/", Set.of("s3:GetObject")), grants(ApiFunction.LIST_PAGE));
        assertEquals(Map.of("images/", Set.of("s3:DeleteObject")), grants(ApiFunction.DELETE_ITEM));
    }

    @Test
    void onlyTheAppendWritesImagesAndOnlyTheAppendTouchesPendingUploads() {
        for (ApiFunction function : ApiFunction.values()) {
            Map<String, Set<String>> grants = grants(function);
            if (function == ApiFunction.APPEND_COLLECTION) continue;
            assertFalse(grants.containsKey(ObjectAccess.UPLOADS_PREFIX), function.functionName());
            assertFalse(grants.getOrDefault(ObjectAccess.IMAGES_PREFIX, Set.of()).contains("s3:PutObject"), function.functionName());
        }
    }

    @ParameterizedTest
    @EnumSource(ApiFunction.class)
    void aFunctionThatTouchesTheBucketReadsItsNameAndEndpointAndNoOtherDoes(ApiFunction function) {
        assertEquals(function.usesImagesBucket(), function.settings().contains(Setting.IMAGES_BUCKET), function.functionName());
        assertEquals(function.usesImagesBucket(), function.settings().contains(Setting.S3_ENDPOINT), function.functionName());
        for (ObjectAccess access : function.objectAccess()) {
            assertTrue(List.of(ObjectAccess.UPLOADS_PREFIX, ObjectAccess.IMAGES_PREFIX).contains(access.prefix()), access.prefix());
        }
    }

    @ParameterizedTest
    @EnumSource(ApiFunction.class)
    void theUploadBoundsAreReadWhereTheyApply(ApiFunction function) {
        boolean presignsPuts = grants(function).getOrDefault(ObjectAccess.UPLOADS_PREFIX, Set.of()).contains("s3:PutObject");
        boolean presignsGets = function != ApiFunction.APPEND_COLLECTION
                && grants(function).getOrDefault(ObjectAccess.IMAGES_PREFIX, Set.of()).contains("s3:GetObject");
        for (Setting upload : List.of(Setting.MAX_UPLOAD_BYTES, Setting.MAX_UPLOADS_PER_REQUEST, Setting.UPLOAD_URL_SECONDS)) {
            assertEquals(presignsPuts, function.settings().contains(upload), function.functionName() + " " + upload);
        }
        assertEquals(presignsGets, function.settings().contains(Setting.DOWNLOAD_URL_SECONDS), function.functionName());
    }

    /** Object actions are granted per prefix; on the whole bucket only what has no key (the listing that makes a miss a 404). */
    @Test
    void onTheBucketItselfOnlyTheAppendsListing() {
        Map<String, List<String>> bucketActions = Arrays.stream(ApiFunction.values()).collect(Collectors.toMap(
                ApiFunction::functionName, f -> f.iamActions().stream().filter(a -> a.startsWith("s3:")).toList()));
        assertEquals(Map.of("create-table", List.of(), "append-collection", List.of("s3:ListBucket"), "get-item", List.of(),
                "list-page", List.of(), "delete-item", List.of()), bucketActions);
    }
}
