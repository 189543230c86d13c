package com.userimages.handlers;

import static com.userimages.handlers.AppendCollectionHandlerTest.id;
import static com.userimages.handlers.AppendCollectionHandlerTest.ids;
import static com.userimages.handlers.AppendCollectionHandlerTest.images;
import static com.userimages.handlers.AppendCollectionHandlerTest.storedItem;
import static com.userimages.handlers.ReorderImagesTest.order;
import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.UserImagesTable;
import com.userimages.testing.CollectionAudit;
import com.userimages.testing.CreatedCollection;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.ETags;
import com.userimages.testing.SeedData;
import com.userimages.testing.TestApi;
import com.userimages.testing.TestCollections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** ETag on every response that returns or changes a collection; If-None-Match on reads, If-Match on writes. */
@ExtendWith(DynamoDbExtension.class)
class ConditionalRequestTest {
    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();
    private final TestCollections collections = TestCollections.withImageUrls(api, user, "https://e.example/");

    private static String appendBody(String imageId) {
        return "{\"images\":" + images(List.of(imageId), "https://e.example/") + "}";
    }

    @Test
    void everyResponseThatReturnsOrChangesACollectionCarriesItsVersion() {
        List<String> ids = ids(2);
        String cid = id();
        String create = "{\"imagesCollectionId\":\"" + cid + "\",\"images\":" + images(ids, "https://e.example/") + "}";
        APIGatewayV2HTTPResponse first = api.create(user, create);
        String inc = ETags.incarnation(user, cid);
        assertEquals("\"1." + inc + "\"", first.getHeaders().get("etag"));
        assertEquals("\"1." + inc + "\"", api.get(user, cid).getHeaders().get("etag"));
        assertEquals("\"1." + inc + "\"", api.getImage(user, cid, ids.get(1)).getHeaders().get("etag"), "the image GET carries the collection's");
        String extra = id();
        assertEquals("\"2." + inc + "\"", api.append(user, cid, appendBody(extra)).getHeaders().get("etag"));
        assertEquals("\"2." + inc + "\"", api.append(user, cid, appendBody(extra)).getHeaders().get("etag"), "a retried append changes nothing");
        assertEquals("\"2." + inc + "\"", api.create(user, create).getHeaders().get("etag"), "a replay answers the version as it is now");
        assertEquals("\"3." + inc + "\"", api.reorder(user, cid, order(List.of(extra, ids.get(0), ids.get(1)))).getHeaders().get("etag"));
        assertEquals("\"4." + inc + "\"", api.deleteImage(user, cid, ids.get(0)).getHeaders().get("etag"));
        assertEquals("\"4." + inc + "\"", api.get(user, cid).getHeaders().get("etag"));
        assertEquals(4, CollectionAudit.version(user, cid));
        assertFalse(api.deleteImage(user, cid, id()).getHeaders().containsKey("etag"), "errors carry no ETag");
    }

    @Test
    void aCollectionDeletedAndCreatedAgainUnderItsIdHasAnotherETag() {
        List<String> ids = ids(2);
        String cid = id();
        String create = "{\"imagesCollectionId\":\"" + cid + "\",\"images\":" + images(ids, "https://e.example/") + "}";
        String old = api.create(user, create).getHeaders().get("etag");
        assertTrue(storedItem(user, cid).get(UserImagesTable.INCARNATION).s().matches("[0-9a-hjkmnp-tv-z]{8}"), "8 base32 characters");
        assertEquals(204, api.deleteCollection(user, cid).getStatusCode());
        APIGatewayV2HTTPResponse again = api.create(user, create);
        expect(201, again);
        String fresh = again.getHeaders().get("etag");
        assertTrue(old.startsWith("\"1.") && fresh.startsWith("\"1."), old + " " + fresh);
        assertNotEquals(old, fresh, "the same id at the same version, but another incarnation");
        assertEquals(fresh, ETags.current(user, cid));
        CollectionAudit.assertConsistent(user, cid);

        // A copy cached before the delete is stale: no 304 for it.
        expect(200, api.getWith(user, cid, "if-none-match", old));
        expect(200, api.getImageWith(user, cid, ids.get(0), "if-none-match", old));
        assertEquals(304, api.getWith(user, cid, "if-none-match", fresh).getStatusCode());
        // A writer holding the old ETag is refused, whatever it writes, and nothing changes.
        Map<String, AttributeValue> before = storedItem(user, cid);
        expectError(412, "PRECONDITION_FAILED", api.appendWith(user, cid, appendBody(id()), "if-match", old));
        expectError(412, "PRECONDITION_FAILED", api.reorder(user, cid, order(List.of(ids.get(1), ids.get(0))), "if-match", old));
        expectError(412, "PRECONDITION_FAILED", api.deleteImage(user, cid, ids.get(0), "if-match", old));
        expectError(412, "PRECONDITION_FAILED", api.deleteCollection(user, cid, "if-match", old));
        assertEquals(before, storedItem(user, cid));
        expect(200, api.appendWith(user, cid, appendBody(id()), "if-match", fresh));
    }

    @Test
    void ifNoneMatchAnswers304WithTheETagAndNoBodyOnBothGets() {
        CreatedCollection c = collections.create(1);
        List<Function<String, APIGatewayV2HTTPResponse>> gets = List.of(
                tag -> api.getWith(user, c.id(), "if-none-match", tag),
                tag -> api.getImageWith(user, c.id(), c.imageId(0), "if-none-match", tag));
        for (var get : gets) {
            for (String matching : List.of(c.etag(1), "W/" + c.etag(1), c.etag(7) + ", " + c.etag(1), c.etag(7) + ",W/" + c.etag(1), " * ", "," + c.etag(1) + ",")) {
                APIGatewayV2HTTPResponse r = get.apply(matching);
                assertEquals(304, r.getStatusCode(), matching);
                assertNull(r.getBody(), matching);
                assertEquals(c.etag(1), r.getHeaders().get("etag"), matching);
                assertFalse(r.getHeaders().containsKey("content-type"), matching);
            }
            for (String other : List.of(c.etag(2), "W/" + c.etag(2), "\"01." + c.incarnation() + "\"", "\"\"", "\"one\"",
                    "\"99999999999999999999999." + c.incarnation() + "\"", "\"1\"", "\"1.0\"", "\"1." + c.incarnation().toUpperCase(Locale.ROOT) + "\"")) {
                APIGatewayV2HTTPResponse r = get.apply(other);
                expect(200, r);
                assertEquals(c.etag(1), r.getHeaders().get("etag"), other);
            }
        }
        // A missing collection or image is 404 whatever the precondition.
        expectError(404, "COLLECTION_NOT_FOUND", api.getWith(user, id(), "if-none-match", "*"));
        expectError(404, "IMAGE_NOT_FOUND", api.getImageWith(user, c.id(), id(), "if-none-match", c.etag(1)));
        // A change makes the cached copy stale.
        expect(200, api.append(user, c.id(), appendBody(id())));
        assertEquals(200, api.getWith(user, c.id(), "if-none-match", c.etag(1)).getStatusCode());
        assertEquals(304, api.getWith(user, c.id(), "If-None-Match", c.etag(2)).getStatusCode(), "any letter case of the name");
    }

    @Test
    void ifMatchGuardsAnAppendInItsOwnCondition() {
        CreatedCollection c = collections.create(1);
        expectError(412, "PRECONDITION_FAILED", api.appendWith(user, c.id(), appendBody(id()), "if-match", c.etag(2)));
        expectError(412, "PRECONDITION_FAILED", api.appendWith(user, c.id(), appendBody(id()), "if-match", "W/" + c.etag(1)));
        expectError(412, "PRECONDITION_FAILED", api.appendWith(user, c.id(), appendBody(id()), "if-match", "\"\""));
        c.assertUnchanged();
        expectError(404, "COLLECTION_NOT_FOUND", api.appendWith(user, id(), appendBody(id()), "if-match", c.etag(2)));

        String first = id();
        APIGatewayV2HTTPResponse r = api.appendWith(user, c.id(), appendBody(first), "if-match", c.etag(1));
        assertEquals(1, expect(200, r).get("appended").asInt());
        assertEquals(c.etag(2), r.getHeaders().get("etag"));
        // The same request again: it succeeded already, so 200 whatever If-Match says.
        APIGatewayV2HTTPResponse retried = api.appendWith(user, c.id(), appendBody(first), "if-match", c.etag(1));
        assertEquals(0, expect(200, retried).get("appended").asInt());
        assertEquals(c.etag(2), retried.getHeaders().get("etag"));
        expect(200, api.appendWith(user, c.id(), appendBody(id()), "if-match", c.etag(5) + ", " + c.etag(2)));
        expect(200, api.appendWith(user, c.id(), appendBody(id()), "if-match", "*"));
        assertEquals(4, CollectionAudit.assertConsistent(user, c.id()).size());
        assertEquals(4, CollectionAudit.version(user, c.id()));
    }

    @Test
    void aPartlyAppliedAppendStillHonoursIfMatch() {
        CreatedCollection c = collections.create(1);
        expect(200, api.append(user, c.id(), appendBody(id())));
        // One image is there already, the other is new: not a retry of a change that succeeded.
        String body = "{\"images\":" + images(List.of(c.imageId(0), id()), "https://e.example/") + "}";
        expectError(412, "PRECONDITION_FAILED", api.appendWith(user, c.id(), body, "if-match", c.etag(1)));
        assertEquals(2, CollectionAudit.assertConsistent(user, c.id()).size());
    }

    @Test
    void malformedPreconditionsAnswer400WithoutEchoingThem() {
        CreatedCollection c = collections.create(1);
        String tooMany = IntStream.rangeClosed(1, 65).mapToObj(i -> "\"" + i + "\"").collect(Collectors.joining(","));
        List<String> malformed = List.of("3", "\"3", "3\"", "W/3", "w/\"3\"", "W/ \"3\"", "\"3\" \"4\"", "\"3\"\"4\"", "*, \"3\"", "**",
                "\"3\";q=1", "\"1 \"", "", " ", ",", " , ", "\"a\u0000b\"", "\"caf\u00e9\"", "\"\r\nset-cookie: x=1\"", "\"<script>\"x",
                "\"" + "9".repeat(5000) + "\"", tooMany, "W/", "\"3\",garbage");
        for (String bad : malformed) {
            for (APIGatewayV2HTTPResponse r : List.of(
                    api.appendWith(user, c.id(), appendBody(id()), "if-match", bad),
                    api.getWith(user, c.id(), "if-none-match", bad),
                    api.getImageWith(user, c.id(), id(), "if-none-match", bad),
                    api.reorder(user, c.id(), "{\"imageIds\":[]}", "if-match", bad),
                    api.deleteImage(user, c.id(), id(), "if-match", bad),
                    api.deleteCollection(user, c.id(), "if-match", bad))) {
                JsonNode error = expectError(400, "INVALID_PRECONDITION", r).get("error");
                String message = error.get("message").asText();
                if (bad.strip().length() > 3) assertFalse(message.contains(bad.strip()), "echoes the header: " + message);
                assertFalse(r.getHeaders().containsKey("etag"));
            }
        }
        c.assertUnchanged();
    }

    @Test
    void aCollectionStoredBeforeVersionsExistedIsVersion1() {
        SeedData.Seed seed = SeedData.Seed.of("2025-05-05T05:05:05Z", 3);
        SeedData.putWithoutVersion(user, List.of(seed));
        String cid = seed.collectionId();
        assertFalse(storedItem(user, cid).containsKey(UserImagesTable.VERSION), "seeded the old way");
        assertFalse(storedItem(user, cid).containsKey(UserImagesTable.INCARNATION), "seeded the old way");
        // Stored before incarnations existed: it reads as incarnation 0, and no write adds one.
        String inc = "0";

        APIGatewayV2HTTPResponse get = api.get(user, cid);
        JsonNode body = expect(200, get);
        assertEquals("\"1." + inc + "\"", get.getHeaders().get("etag"));
        assertEquals(304, api.getWith(user, cid, "if-none-match", "\"1." + inc + "\"").getStatusCode());
        String firstImage = body.get("images").get(0).get("imageId").asText();
        assertEquals("\"1." + inc + "\"", api.getImage(user, cid, firstImage).getHeaders().get("etag"));
        expectError(412, "PRECONDITION_FAILED", api.appendWith(user, cid, appendBody(id()), "if-match", "\"2." + inc + "\""));
        expectError(412, "PRECONDITION_FAILED", api.deleteCollection(user, cid, "if-match", "\"2." + inc + "\""));

        APIGatewayV2HTTPResponse appended = api.appendWith(user, cid, appendBody(id()), "if-match", "\"1." + inc + "\"");
        expect(200, appended);
        assertEquals("\"2." + inc + "\"", appended.getHeaders().get("etag"));
        assertEquals("2", storedItem(user, cid).get(UserImagesTable.VERSION).n(), "the first write sets the version");
        assertFalse(storedItem(user, cid).containsKey(UserImagesTable.INCARNATION), "and leaves the incarnation missing");
        CollectionAudit.assertConsistent(user, cid);

        // Each write accepts If-Match: "1" on a collection seeded the old way.
        for (int kind = 0; kind < 3; kind++) {
            SeedData.Seed old = SeedData.Seed.of("2025-05-05T05:05:0" + kind + "Z", 2);
            SeedData.putWithoutVersion(user, List.of(old));
            String oid = old.collectionId();
            List<String> stored = CollectionAudit.assertConsistent(user, oid).stream().map(i -> i.imageId()).toList();
            APIGatewayV2HTTPResponse r = switch (kind) {
                case 0 -> api.reorder(user, oid, order(List.of(stored.get(1), stored.get(0))), "if-match", "\"1." + inc + "\"");
                case 1 -> api.deleteImage(user, oid, stored.get(0), "if-match", "\"1." + inc + "\"");
                default -> api.deleteCollection(user, oid, "if-match", "\"1." + inc + "\"");
            };
            if (kind == 2) {
                assertEquals(204, r.getStatusCode());
                assertTrue(CollectionAudit.item(user, oid).isEmpty());
            } else {
                expect(200, r);
                assertEquals("\"2." + inc + "\"", r.getHeaders().get("etag"));
                assertEquals(2, CollectionAudit.version(user, oid));
                CollectionAudit.assertConsistent(user, oid);
            }
        }
    }
}
