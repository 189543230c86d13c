package com.userimages.handlers;

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
import com.userimages.testing.CreatedCollection;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.ETags;
import com.userimages.testing.TestApi;
import com.userimages.testing.TestCollections;
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
    private final TestCollections collections = TestCollections.withImageUrls(api, user, "https://d.example/");

    static List<String> idsOf(JsonNode collection) {
        List<String> ids = new ArrayList<>();
        collection.get("images").forEach(i -> ids.add(i.get("imageId").asText()));
        return ids;
    }

    @Test
    void deletingACollectionAnswers204WithoutBodyAndARetryAnswers404() {
        CreatedCollection c = collections.create(2);
        APIGatewayV2HTTPResponse deleted = api.deleteCollection(user, c.id());
        assertEquals(204, deleted.getStatusCode());
        assertNull(deleted.getBody());
        assertTrue(CollectionAudit.item(user, c.id()).isEmpty(), "the item is gone");
        expectError(404, "COLLECTION_NOT_FOUND", api.get(user, c.id()));
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteCollection(user, c.id()));
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
        CreatedCollection c = collections.create(3);
        APIGatewayV2HTTPResponse r = api.deleteImage(user, c.id(), c.imageId(0));
        JsonNode body = expect(200, r);
        assertEquals(c.id(), body.get("imagesCollectionId").asText());
        assertEquals(1, body.get("removed").asInt());
        assertEquals(2, body.get("imageCount").asInt());
        assertEquals(3, body.size());
        assertEquals(c.etag(2), r.getHeaders().get("etag"));
        assertEquals(List.of(c.imageId(1), c.imageId(2)), idsOf(expect(200, api.get(user, c.id()))));
        List<ImageRef> stored = CollectionAudit.assertConsistent(user, c.id());
        assertEquals("https://d.example/" + c.imageId(1), stored.getFirst().url());
        assertEquals("https://d.example/" + c.imageId(1), expect(200, api.list(user)).get("items").get(0).get("coverUrl").asText());
        assertEquals(2, CollectionAudit.version(user, c.id()));
    }

    @Test
    void removingAMiddleImageKeepsTheCoverAndTheOrder() {
        CreatedCollection c = collections.create(5);
        expect(200, api.deleteImage(user, c.id(), c.imageId(2)));
        assertEquals(List.of(c.imageId(0), c.imageId(1), c.imageId(3), c.imageId(4)), idsOf(expect(200, api.get(user, c.id()))));
        assertEquals("https://d.example/" + c.imageId(0), CollectionAudit.assertConsistent(user, c.id()).getFirst().url());
        assertEquals(3, expect(200, api.getImage(user, c.id(), c.imageId(4))).get("position").asInt(), "positions follow");
    }

    @Test
    void removingTheLastImage() {
        CreatedCollection c = collections.create(3);
        assertEquals(2, expect(200, api.deleteImage(user, c.id(), c.imageId(2))).get("imageCount").asInt());
        assertEquals(List.of(c.imageId(0), c.imageId(1)), idsOf(expect(200, api.get(user, c.id()))));
        CollectionAudit.assertConsistent(user, c.id());
    }

    @Test
    void removingTheOnlyImageRemovesCoverAndIdSet() {
        CreatedCollection c = collections.create(1);
        assertEquals(0, expect(200, api.deleteImage(user, c.id(), c.imageId(0))).get("imageCount").asInt());
        Map<String, AttributeValue> item = storedItem(user, c.id());
        assertFalse(item.containsKey(UserImagesTable.COVER_URL), "no cover on an empty collection");
        assertFalse(item.containsKey(UserImagesTable.IMAGE_IDS), "DynamoDB has no empty set");
        assertEquals(0, item.get(UserImagesTable.IMAGES).l().size());
        CollectionAudit.assertConsistent(user, c.id());
        assertTrue(expect(200, api.list(user)).get("items").get(0).get("coverUrl").isNull());
        // The empty collection takes images again, and its cover comes back.
        String next = id();
        expect(200, api.append(user, c.id(), "{\"images\":" + images(List.of(next), "https://d.example/") + "}"));
        assertEquals("https://d.example/" + next, CollectionAudit.assertConsistent(user, c.id()).getFirst().url());
    }

    @Test
    void anIdRemovedCanBeAppendedAgainEvenWithAnotherUrl() {
        CreatedCollection c = collections.create(3);
        expect(200, api.deleteImage(user, c.id(), c.imageId(0)));
        JsonNode appended = expect(200, api.append(user, c.id(), "{\"images\":" + images(List.of(c.imageId(0)), "https://again.example/") + "}"));
        assertEquals(1, appended.get("appended").asInt());
        assertEquals(3, appended.get("imageCount").asInt());
        assertEquals(List.of(c.imageId(1), c.imageId(2), c.imageId(0)), idsOf(expect(200, api.get(user, c.id()))));
        List<ImageRef> stored = CollectionAudit.assertConsistent(user, c.id());
        assertEquals("https://again.example/" + c.imageId(0), stored.getLast().url());
        assertEquals(3, CollectionAudit.version(user, c.id()));
    }

    @Test
    void missingImagesAndCollectionsAnswer404AndARetriedImageDeleteToo() {
        CreatedCollection c = collections.create(2);
        expectError(404, "IMAGE_NOT_FOUND", api.deleteImage(user, c.id(), id()));
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteImage(user, id(), c.imageId(0)));
        expect(200, api.deleteImage(user, c.id(), c.imageId(0)));
        expectError(404, "IMAGE_NOT_FOUND", api.deleteImage(user, c.id(), c.imageId(0)));
        assertEquals(1, CollectionAudit.assertConsistent(user, c.id()).size());
    }

    @Test
    void anotherUsersIdsAnswer404AndChangeNothing() {
        CreatedCollection c = collections.create(2);
        String other = TestApi.newUser();
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteCollection(other, c.id()));
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteImage(other, c.id(), c.imageId(0)));
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteCollection(other, c.id(), "if-match", "*"));
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteImage(other, c.id(), c.imageId(0), "if-match", c.etag(1)));
        expectError(404, "COLLECTION_NOT_FOUND", api.reorder(other, c.id(), "{\"imageIds\":[\"" + c.imageId(1) + "\",\"" + c.imageId(0) + "\"]}"));
        c.assertUnchanged();
        assertTrue(CollectionAudit.item(other, c.id()).isEmpty(), "nothing written under the other user");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "00000000-0000-0000-0000-00000000000g", "%2e%2e", "' OR 1=1 --", "#pk", ":one"})
    void malformedIdsAnswer400(String bad) {
        CreatedCollection c = collections.create(1);
        expectError(400, "INVALID_ID", api.deleteCollection(user, bad));
        expectError(400, "INVALID_ID", api.deleteImage(user, c.id(), bad));
        expectError(400, "INVALID_ID", api.deleteImage(user, bad, id()));
        assertEquals(1, CollectionAudit.assertConsistent(user, c.id()).size());
    }

    @Test
    void upperCaseIdsNameTheSameCollectionAndImage() {
        CreatedCollection c = collections.create(2);
        expect(200, api.deleteImage(user, c.id().toUpperCase(), c.imageId(1).toUpperCase()));
        assertEquals(204, api.deleteCollection(user, c.id().toUpperCase()).getStatusCode());
        assertTrue(CollectionAudit.item(user, c.id()).isEmpty());
    }

    @Test
    void ifMatchGuardsACollectionDelete() {
        CreatedCollection c = collections.create(1);
        expectError(412, "PRECONDITION_FAILED", api.deleteCollection(user, c.id(), "if-match", c.etag(2)));
        expectError(412, "PRECONDITION_FAILED", api.deleteCollection(user, c.id(), "if-match", "W/" + c.etag(1)));
        expectError(412, "PRECONDITION_FAILED", api.deleteCollection(user, c.id(), "if-match", "\"x\", \"\""));
        assertTrue(CollectionAudit.item(user, c.id()).isPresent(), "still there");
        assertEquals(204, api.deleteCollection(user, c.id(), "if-match", c.etag(7) + ", " + c.etag(1)).getStatusCode());
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteCollection(user, c.id(), "if-match", c.etag(1)));

        String other = collections.create(1).id();
        assertEquals(204, api.deleteCollection(user, other, "if-match", "*").getStatusCode());
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteCollection(user, other, "if-match", "*"));
    }

    @Test
    void ifMatchGuardsAnImageDelete() {
        CreatedCollection c = collections.create(3);
        expectError(412, "PRECONDITION_FAILED", api.deleteImage(user, c.id(), c.imageId(0), "if-match", c.etag(2)));
        expectError(412, "PRECONDITION_FAILED", api.deleteImage(user, c.id(), c.imageId(0), "if-match", "W/" + c.etag(1)));
        c.assertUnchanged();
        // 404 before 412: nothing of that id to remove, whatever the precondition.
        expectError(404, "IMAGE_NOT_FOUND", api.deleteImage(user, c.id(), id(), "if-match", c.etag(9)));
        APIGatewayV2HTTPResponse r = api.deleteImage(user, c.id(), c.imageId(0), "if-match", c.etag(1));
        expect(200, r);
        assertEquals(c.etag(2), r.getHeaders().get("etag"));
        expectError(412, "PRECONDITION_FAILED", api.deleteImage(user, c.id(), c.imageId(1), "if-match", c.etag(1)));
        expect(200, api.deleteImage(user, c.id(), c.imageId(1), "if-match", "*"));
        expect(200, api.deleteImage(user, c.id(), c.imageId(2), "if-match", c.etag(1) + ", " + c.etag(3)));
        assertEquals(0, CollectionAudit.assertConsistent(user, c.id()).size());
        assertEquals(4, CollectionAudit.version(user, c.id()));
    }

    @Test
    void malformedIfMatchAnswers400AndChangesNothing() {
        CreatedCollection c = collections.create(2);
        for (String bad : List.of("1", "\"1", "*, " + c.etag(1), "W/1", c.etag(1) + " " + c.etag(2))) {
            expectError(400, "INVALID_PRECONDITION", api.deleteCollection(user, c.id(), "if-match", bad));
            expectError(400, "INVALID_PRECONDITION", api.deleteImage(user, c.id(), c.imageId(0), "if-match", bad));
        }
        c.assertUnchanged();
    }
}
