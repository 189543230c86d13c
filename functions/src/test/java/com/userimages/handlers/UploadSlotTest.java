package com.userimages.handlers;

import static com.userimages.handlers.AppendCollectionHandlerTest.created;
import static com.userimages.handlers.AppendCollectionHandlerTest.id;
import static com.userimages.handlers.AppendCollectionHandlerTest.images;
import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static com.userimages.testing.SlotUploads.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.Setting;
import com.userimages.core.storage.ObjectKeys;
import com.userimages.core.storage.UploadIds;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.ObjectStoreEngine;
import com.userimages.testing.SlotUploads;
import com.userimages.testing.TestApi;
import com.userimages.wiring.FunctionComponents;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** {@code POST /collections/{id}/uploads}: a presigned PUT for the caller's own collection, within the bounds. */
@ExtendWith(DynamoDbExtension.class)
class UploadSlotTest {
    private static final byte[] PNG = SlotUploads.png(120);
    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();

    private String collection(List<String> imageIds) {
        return created(api, user, cid -> "{\"imagesCollectionId\":\"" + cid + "\",\"images\":" + images(imageIds, "https://o.example/") + "}");
    }

    @Test
    void aSlotIsAPresignedPutOfTheDeclaredTypeAndSizeThatStoresTheBytesAsPending() throws Exception {
        String cid = collection(List.of());
        APIGatewayV2HTTPResponse response = api.openUpload(user, cid, "{\"contentType\":\"IMAGE/PNG\",\"bytes\":120}");
        JsonNode slot = expect(201, response);
        assertEquals("no-store", response.getHeaders().get("cache-control"));
        assertEquals("PUT", slot.get("method").asText());
        assertEquals("image/png", slot.get("headers").get("Content-Type").asText());
        assertEquals(1, slot.get("headers").size(), "only the type: the length is the body's own");
        assertTrue(UploadIds.isWellFormed(slot.get("uploadId").asText()), slot.toString());
        String imageId = slot.get("imageId").asText();
        Instant expires = Instant.parse(slot.get("expiresAt").asText());
        assertTrue(expires.isAfter(Instant.now().plusSeconds(500)) && expires.isBefore(Instant.now().plusSeconds(601)), expires.toString());
        String url = slot.get("uploadUrl").asText();
        assertTrue(url.contains("X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost"), url);
        assertTrue(url.contains("X-Amz-Expires=600"), url);
        String key = "uploads/" + ObjectKeys.userKey(user) + "/" + cid + "/" + imageId + "/" + slot.get("uploadId").asText();
        assertTrue(url.contains("/" + ObjectStoreEngine.BUCKET + "/" + key + "?"), url);
        assertFalse(url.contains(user), "never the raw sub in a URL");

        assertEquals(200, put(slot, PNG, "image/png").statusCode());
        HeadObjectResponse stored = ObjectStoreEngine.client().headObject(r -> r.bucket(ObjectStoreEngine.BUCKET).key(key));
        assertEquals(120L, stored.contentLength());
        assertEquals("image/png", stored.contentType());
    }

    @Test
    void aChosenImageIdIsKeptInItsCanonicalFormAndEachSlotIsANewKey() {
        String cid = collection(List.of());
        String imageId = id();
        JsonNode first = expect(201, api.openUpload(user, cid, "{\"contentType\":\"image/webp\",\"bytes\":5,\"imageId\":\"" + imageId.toUpperCase() + "\"}"));
        JsonNode second = expect(201, api.openUpload(user, cid, "{\"contentType\":\"image/webp\",\"bytes\":5,\"imageId\":\"" + imageId + "\"}"));
        assertEquals(imageId, first.get("imageId").asText());
        assertEquals(imageId, second.get("imageId").asText());
        assertFalse(first.get("uploadId").asText().equals(second.get("uploadId").asText()), "no key is used twice");
    }

    @Test
    void anotherUsersCollectionOrNoneIsNotFound() {
        String cid = collection(List.of());
        expectError(404, "COLLECTION_NOT_FOUND", api.openUpload(TestApi.newUser(), cid, "{\"contentType\":\"image/png\",\"bytes\":1}"));
        expectError(404, "COLLECTION_NOT_FOUND", api.openUpload(user, id(), "{\"contentType\":\"image/png\",\"bytes\":1}"));
    }

    @Test
    void anImageIdTheCollectionHasIsAConflict() {
        String imageId = id();
        String cid = collection(List.of(imageId));
        expectError(409, "IMAGE_EXISTS", api.openUpload(user, cid, "{\"contentType\":\"image/png\",\"bytes\":1,\"imageId\":\"" + imageId + "\"}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"contentType\":\"image/svg+xml\",\"bytes\":10}",
            "{\"contentType\":\"text/html\",\"bytes\":10}",
            "{\"contentType\":\"image/png; charset=utf-8\",\"bytes\":10}",
            "{\"contentType\":\"image/png\\r\\nX-Amz-Meta-Evil: 1\",\"bytes\":10}",
            "{\"contentType\":\"\",\"bytes\":10}",
            "{\"contentType\":\"image/png\",\"bytes\":0}",
            "{\"contentType\":\"image/png\",\"bytes\":-1}",
            "{\"contentType\":\"image/png\",\"bytes\":10485761}",
            "{\"contentType\":\"image/png\",\"bytes\":99999999999999999999999999}",
            "{\"contentType\":\"image/png\",\"bytes\":-99999999999999999999999999}"})
    void aTypeOrSizeOutsideTheBoundsIsNotAllowed(String body) {
        String cid = collection(List.of());
        JsonNode error = expectError(422, "UPLOAD_NOT_ALLOWED", api.openUpload(user, cid, body));
        assertFalse(error.toString().contains("Evil"), "the declared text is not echoed: " + error);
    }

    @Test
    void theLargestAllowedSizeIsAllowed() {
        String cid = collection(List.of());
        expect(201, api.openUpload(user, cid, "{\"contentType\":\"image/avif\",\"bytes\":" + Setting.MAX_UPLOAD_BYTES.defaultValue() + "}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"bytes\":10}", "{\"contentType\":\"image/png\"}", "{\"contentType\":7,\"bytes\":10}",
            "{\"contentType\":\"image/png\",\"bytes\":\"10\"}", "{\"contentType\":\"image/png\",\"bytes\":1.5}",
            "{\"contentType\":\"image/png\",\"bytes\":1e3}", "{\"contentType\":\"image/png\",\"bytes\":true}",
            "{\"contentType\":\"image/png\",\"bytes\":01}", "{\"contentType\":\"image/png\",\"bytes\":10,\"imageId\":5}"})
    void aBodyOfTheWrongShapeIsABadRequest(String body) {
        String cid = collection(List.of());
        APIGatewayV2HTTPResponse response = api.openUpload(user, cid, body);
        assertEquals(400, response.getStatusCode(), body + " -> " + response.getBody());
    }

    @Test
    void unknownFieldsAndMalformedIdsAreNamed() {
        String cid = collection(List.of());
        expectError(400, "UNKNOWN_FIELD", api.openUpload(user, cid, "{\"contentType\":\"image/png\",\"bytes\":1,\"key\":\"../../x\"}"));
        expectError(400, "INVALID_ID", api.openUpload(user, cid, "{\"contentType\":\"image/png\",\"bytes\":1,\"imageId\":\"../../x\"}"));
        expectError(400, "INVALID_ID", api.openUpload(user, "../" + cid, "{\"contentType\":\"image/png\",\"bytes\":1}"));
    }

    @Test
    void theSignatureBindsTheTypeAndAnExpiredSlotIsRefused() throws Exception {
        String cid = collection(List.of());
        // s3rver checks no signature, only the key id and the expiry: what S3 enforces about the type
        // and length is the signed headers list above; the expiry both refuse.
        TestApi shortLived = new TestApi(FunctionComponents.builder(DynamoDbExtension.settings().with(Setting.UPLOAD_URL_SECONDS, "1"))
                .dynamoDb(DynamoDbExtension.client()).credentials(DynamoDbExtension.credentialsProvider()).build());
        JsonNode slot = expect(201, shortLived.openUpload(user, cid, "{\"contentType\":\"image/png\",\"bytes\":120}"));
        Thread.sleep(2_100);
        HttpResponse<String> late = put(slot, PNG, "image/png");
        assertEquals(403, late.statusCode(), late.body());
        assertTrue(late.body().contains("expired"), late.body());
    }
}
