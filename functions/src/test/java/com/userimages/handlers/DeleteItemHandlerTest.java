package com.userimages.handlers;

import static com.userimages.handlers.AppendCollectionHandlerTest.created;
import static com.userimages.handlers.AppendCollectionHandlerTest.id;
import static com.userimages.handlers.AppendCollectionHandlerTest.ids;
import static com.userimages.handlers.AppendCollectionHandlerTest.images;
import static com.userimages.handlers.AppendCollectionHandlerTest.storedItem;
import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.UserImagesTable;
import com.userimages.core.model.ImageRef;
import com.userimages.testing.CollectionAudit;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.ETags;
import com.userimages.testing.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynamoDbExtension.class)
class DeleteItemHandlerTest {
    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();

    /** Creates a collection with these image ids (urls derived from them) and returns its id. */
    String collectionWith(List<String> imageIds) {
        return created(api, user, cid -> "{\"imagesCollectionId\":\"" + cid + "\",\"images\":" + images(imageIds, "https://d.example/") + "}");
    }

    static List<String> idsOf(JsonNode collection) {
        List<String> ids = new ArrayList<>();
        collection.get("images").forEach(i -> ids.add(i.get("imageId").asText()));
        return ids;
    }

    @Test
    void deletingACollectionAnswers204WithoutBodyAndARetryAnswers404() {
        String cid = collectionWith(ids(2));
        APIGatewayV2HTTPResponse deleted = api.deleteCollection(user, cid);
        assertEquals(204, deleted.getStatusCode());
        assertNull(deleted.getBody());
        assertTrue(CollectionAudit.item(user, cid).isEmpty(), "the item is gone");
        expectError(404, "COLLECTION_NOT_FOUND", api.get(user, cid));
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteCollection(user, cid));
        assertEquals(0, expect(200, api.list(user)).get("count").asInt());
    }

    @Test
    void aCreateReplayedAfterItsCollectionWasDeletedCreatesItAnew() {
        String cid = id();
        String request = "{\"imagesCollectionId\":\"" + cid + "\",\"images\":" + images(ids(1), "https://d.example/") + "}";
        expect(201, api.create(user, request));
        assertEquals(204, api.deleteCollection(user, cid).getStatusCode());
        APIGatewayV2HTTPResponse again = api.create(user, request);
        expect(201, again);
        assertEquals("\"1." + ETags.incarnation(user, cid) + "\"", again.getHeaders().get("etag"));
    }

    @Test
    void removingTheFirstImageMovesTheCover() {
        List<String> ids = ids(3);
        String cid = collectionWith(ids);
        String inc = ETags.incarnation(user, cid);
        APIGatewayV2HTTPResponse r = api.deleteImage(user, cid, ids.get(0));
        JsonNode body = expect(200, r);
        assertEquals(cid, body.get("imagesCollectionId").asText());
        assertEquals(1, body.get("removed").asInt());
        assertEquals(2, body.get("imageCount").asInt());
        assertEquals(3, body.size());
        assertEquals("\"2." + inc + "\"", r.getHeaders().get("etag"));
        assertEquals(List.of(ids.get(1), ids.get(2)), idsOf(expect(200, api.get(user, cid))));
        List<ImageRef> stored = CollectionAudit.assertConsistent(user, cid);
        assertEquals("https://d.example/" + ids.get(1), stored.getFirst().url());
        assertEquals("https://d.example/" + ids.get(1), expect(200, api.list(user)).get("items").get(0).get("coverUrl").asText());
        assertEquals(2, CollectionAudit.version(user, cid));
    }

    @Test
    void removingAMiddleImageKeepsTheCoverAndTheOrder() {
        List<String> ids = ids(5);
        String cid = collectionWith(ids);
        expect(200, api.deleteImage(user, cid, ids.get(2)));
        assertEquals(List.of(ids.get(0), ids.get(1), ids.get(3), ids.get(4)), idsOf(expect(200, api.get(user, cid))));
        assertEquals("https://d.example/" + ids.get(0), CollectionAudit.assertConsistent(user, cid).getFirst().url());
        assertEquals(3, expect(200, api.getImage(user, cid, ids.get(4))).get("position").asInt(), "positions follow");
    }

    @Test
    void removingTheLastImage() {
        List<String> ids = ids(3);
        String cid = collectionWith(ids);
        assertEquals(2, expect(200, api.deleteImage(user, cid, ids.get(2))).get("imageCount").asInt());
        assertEquals(List.of(ids.get(0), ids.get(1)), idsOf(expect(200, api.get(user, cid))));
        CollectionAudit.assertConsistent(user, cid);
    }

    @Test
    void removingTheOnlyImageRemovesCoverAndIdSet() {
        List<String> ids = ids(1);
        String cid = collectionWith(ids);
        assertEquals(0, expect(200, api.deleteImage(user, cid, ids.get(0))).get("imageCount").asInt());
        Map<String, AttributeValue> item = storedItem(user, cid);
        assertFalse(item.containsKey(UserImagesTable.COVER_URL), "no cover on an empty collection");
        assertFalse(item.containsKey(UserImagesTable.IMAGE_IDS), "DynamoDB has no empty set");
        assertEquals(0, item.get(UserImagesTable.IMAGES).l().size());
        CollectionAudit.assertConsistent(user, cid);
        assertTrue(expect(200, api.list(user)).get("items").get(0).get("coverUrl").isNull());
        // The empty collection takes images again, and its cover comes back.
        String next = id();
        expect(200, api.append(user, cid, "{\"images\":" + images(List.of(next), "https://d.example/") + "}"));
        assertEquals("https://d.example/" + next, CollectionAudit.assertConsistent(user, cid).getFirst().url());
    }

    @Test
    void anIdRemovedCanBeAppendedAgainEvenWithAnotherUrl() {
        List<String> ids = ids(3);
        String cid = collectionWith(ids);
        expect(200, api.deleteImage(user, cid, ids.get(0)));
        JsonNode appended = expect(200, api.append(user, cid, "{\"images\":" + images(List.of(ids.get(0)), "https://again.example/") + "}"));
        assertEquals(1, appended.get("appended").asInt());
        assertEquals(3, appended.get("imageCount").asInt());
        assertEquals(List.of(ids.get(1), ids.get(2), ids.get(0)), idsOf(expect(200, api.get(user, cid))));
        List<ImageRef> stored = CollectionAudit.assertConsistent(user, cid);
        assertEquals("https://again.example/" + ids.get(0), stored.getLast().url());
        assertEquals(3, CollectionAudit.version(user, cid));
    }

    @Test
    void missingImagesAndCollectionsAnswer404AndARetriedImageDeleteToo() {
        List<String> ids = ids(2);
        String cid = collectionWith(ids);
        expectError(404, "IMAGE_NOT_FOUND", api.deleteImage(user, cid, id()));
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteImage(user, id(), ids.get(0)));
        expect(200, api.deleteImage(user, cid, ids.get(0)));
        expectError(404, "IMAGE_NOT_FOUND", api.deleteImage(user, cid, ids.get(0)));
        assertEquals(1, CollectionAudit.assertConsistent(user, cid).size());
    }

    @Test
    void anotherUsersIdsAnswer404AndChangeNothing() {
        List<String> ids = ids(2);
        String cid = collectionWith(ids);
        String inc = ETags.incarnation(user, cid);
        Map<String, AttributeValue> before = storedItem(user, cid);
        String other = TestApi.newUser();
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteCollection(other, cid));
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteImage(other, cid, ids.get(0)));
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteCollection(other, cid, "if-match", "*"));
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteImage(other, cid, ids.get(0), "if-match", "\"1." + inc + "\""));
        expectError(404, "COLLECTION_NOT_FOUND", api.reorder(other, cid, "{\"imageIds\":[\"" + ids.get(1) + "\",\"" + ids.get(0) + "\"]}"));
        assertEquals(before, storedItem(user, cid));
        assertTrue(CollectionAudit.item(other, cid).isEmpty(), "nothing written under the other user");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "00000000-0000-0000-0000-00000000000g", "%2e%2e", "' OR 1=1 --", "#pk", ":one"})
    void malformedIdsAnswer400(String bad) {
        String cid = collectionWith(ids(1));
        expectError(400, "INVALID_ID", api.deleteCollection(user, bad));
        expectError(400, "INVALID_ID", api.deleteImage(user, cid, bad));
        expectError(400, "INVALID_ID", api.deleteImage(user, bad, id()));
        assertEquals(1, CollectionAudit.assertConsistent(user, cid).size());
    }

    @Test
    void upperCaseIdsNameTheSameCollectionAndImage() {
        List<String> ids = ids(2);
        String cid = collectionWith(ids);
        expect(200, api.deleteImage(user, cid.toUpperCase(), ids.get(1).toUpperCase()));
        assertEquals(204, api.deleteCollection(user, cid.toUpperCase()).getStatusCode());
        assertTrue(CollectionAudit.item(user, cid).isEmpty());
    }

    @Test
    void ifMatchGuardsACollectionDelete() {
        String cid = collectionWith(ids(1));
        String inc = ETags.incarnation(user, cid);
        expectError(412, "PRECONDITION_FAILED", api.deleteCollection(user, cid, "if-match", "\"2." + inc + "\""));
        expectError(412, "PRECONDITION_FAILED", api.deleteCollection(user, cid, "if-match", "W/\"1." + inc + "\""));
        expectError(412, "PRECONDITION_FAILED", api.deleteCollection(user, cid, "if-match", "\"x\", \"\""));
        assertTrue(CollectionAudit.item(user, cid).isPresent(), "still there");
        assertEquals(204, api.deleteCollection(user, cid, "if-match", "\"7." + inc + "\", \"1." + inc + "\"").getStatusCode());
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteCollection(user, cid, "if-match", "\"1." + inc + "\""));

        String other = collectionWith(ids(1));
        assertEquals(204, api.deleteCollection(user, other, "if-match", "*").getStatusCode());
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteCollection(user, other, "if-match", "*"));
    }

    @Test
    void ifMatchGuardsAnImageDelete() {
        List<String> ids = ids(3);
        String cid = collectionWith(ids);
        String inc = ETags.incarnation(user, cid);
        Map<String, AttributeValue> before = storedItem(user, cid);
        expectError(412, "PRECONDITION_FAILED", api.deleteImage(user, cid, ids.get(0), "if-match", "\"2." + inc + "\""));
        expectError(412, "PRECONDITION_FAILED", api.deleteImage(user, cid, ids.get(0), "if-match", "W/\"1." + inc + "\""));
        assertEquals(before, storedItem(user, cid));
        // 404 before 412: nothing of that id to remove, whatever the precondition.
        expectError(404, "IMAGE_NOT_FOUND", api.deleteImage(user, cid, id(), "if-match", "\"9." + inc + "\""));
        APIGatewayV2HTTPResponse r = api.deleteImage(user, cid, ids.get(0), "if-match", "\"1." + inc + "\"");
        expect(200, r);
        assertEquals("\"2." + inc + "\"", r.getHeaders().get("etag"));
        expectError(412, "PRECONDITION_FAILED", api.deleteImage(user, cid, ids.get(1), "if-match", "\"1." + inc + "\""));
        expect(200, api.deleteImage(user, cid, ids.get(1), "if-match", "*"));
        expect(200, api.deleteImage(user, cid, ids.get(2), "if-match", "\"1." + inc + "\", \"3." + inc + "\""));
        assertEquals(0, CollectionAudit.assertConsistent(user, cid).size());
        assertEquals(4, CollectionAudit.version(user, cid));
    }

    @Test
    void malformedIfMatchAnswers400AndChangesNothing() {
        List<String> ids = ids(2);
        String cid = collectionWith(ids);
        String inc = ETags.incarnation(user, cid);
        Map<String, AttributeValue> before = storedItem(user, cid);
        for (String bad : List.of("1", "\"1", "*, \"1." + inc + "\"", "W/1", "\"1." + inc + "\" \"2." + inc + "\"")) {
            expectError(400, "INVALID_PRECONDITION", api.deleteCollection(user, cid, "if-match", bad));
            expectError(400, "INVALID_PRECONDITION", api.deleteImage(user, cid, ids.get(0), "if-match", bad));
        }
        assertEquals(before, storedItem(user, cid));
    }
}
