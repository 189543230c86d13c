package com.userimages.handlers;

import static com.userimages.handlers.AppendCollectionHandlerTest.id;
import static com.userimages.handlers.AppendCollectionHandlerTest.images;
import static com.userimages.handlers.DeleteItemHandlerTest.idsOf;
import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.Setting;
import com.userimages.testing.CollectionAudit;
import com.userimages.testing.CreatedCollection;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.TestApi;
import com.userimages.testing.TestCollections;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbExtension.class)
class ReorderImagesTest {
    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();
    private final TestCollections collections = new TestCollections(api, user, (cid, imageIds) -> "{\"imagesCollectionId\":\"" + cid
            + "\",\"timestamp\":\"2026-02-02T02:02:02Z\",\"images\":" + images(imageIds, "https://o.example/") + "}");

    static String order(List<String> ids) {
        return ids.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(",", "{\"imageIds\":[", "]}"));
    }

    @Test
    void reorderAnswersTheCollectionAsGetReturnsItAndMovesTheCover() {
        CreatedCollection c = collections.create(4);
        List<String> reversed = new ArrayList<>(c.imageIds());
        Collections.reverse(reversed);
        APIGatewayV2HTTPResponse r = api.reorder(user, c.id(), order(reversed));
        JsonNode body = expect(200, r);
        assertEquals(c.etag(2), r.getHeaders().get("etag"));
        assertEquals(reversed, idsOf(body));
        assertEquals(expect(200, api.get(user, c.id())), body, "as GET returns it");
        assertEquals("https://o.example/" + reversed.getFirst(), CollectionAudit.assertConsistent(user, c.id()).getFirst().url());
        assertEquals("https://o.example/" + reversed.getFirst(), expect(200, api.list(user)).get("items").get(0).get("coverUrl").asText());
        assertEquals(0, expect(200, api.getImage(user, c.id(), reversed.getFirst())).get("position").asInt());
        assertEquals(2, CollectionAudit.version(user, c.id()));
    }

    @Test
    void theCurrentOrderIsANoOpThatKeepsTheVersion() {
        CreatedCollection c = collections.create(3);
        APIGatewayV2HTTPResponse r = api.reorder(user, c.id(), order(c.imageIds()));
        assertEquals(c.imageIds(), idsOf(expect(200, r)));
        assertEquals(c.etag(1), r.getHeaders().get("etag"));
        c.assertUnchanged();
    }

    @Test
    void anEmptyCollectionTakesTheEmptyOrder() {
        CreatedCollection c = collections.create(0);
        APIGatewayV2HTTPResponse r = api.reorder(user, c.id(), "{\"imageIds\":[]}");
        assertEquals(0, expect(200, r).get("imageCount").asInt());
        assertEquals(c.etag(1), r.getHeaders().get("etag"));
        expectError(409, "IMAGE_SET_MISMATCH", api.reorder(user, c.id(), order(List.of(id()))));
    }

    @Test
    void idsThatAreNotExactlyTheCollectionsAnswer409AndChangeNothing() {
        CreatedCollection collection = collections.create(3);
        String a = collection.imageId(0), b = collection.imageId(1), c = collection.imageId(2);
        for (List<String> wrong : List.of(
                List.of(c, b),                 // missing
                List.of(c, b, a, id()),        // extra
                List.of(c, b, a, a),           // repeated, one too many
                List.of(c, a, a),              // repeated in place of another
                List.of(c, b, id()),           // one replaced
                List.<String>of())) {
            expectError(409, "IMAGE_SET_MISMATCH", api.reorder(user, collection.id(), order(wrong)));
        }
        collection.assertUnchanged();
    }

    @Test
    void malformedBodiesAnswer400() {
        CreatedCollection c = collections.create(2);
        expectError(400, "INVALID_JSON", api.reorder(user, c.id(), ""));
        expectError(400, "INVALID_JSON", api.reorder(user, c.id(), "[]"));
        expectError(400, "INVALID_JSON", api.reorder(user, c.id(), order(c.imageIds()) + "x"));
        expectError(400, "INVALID_BODY", api.reorder(user, c.id(), "{}"));
        expectError(400, "INVALID_BODY", api.reorder(user, c.id(), "{\"imageIds\":null}"));
        expectError(400, "INVALID_BODY", api.reorder(user, c.id(), "{\"imageIds\":\"" + c.imageId(0) + "\"}"));
        expectError(400, "INVALID_BODY", api.reorder(user, c.id(), "{\"imageIds\":[1,2]}"));
        expectError(400, "INVALID_BODY", api.reorder(user, c.id(), "{\"imageIds\":[{\"imageId\":\"" + c.imageId(0) + "\"}]}"));
        expectError(400, "INVALID_ID", api.reorder(user, c.id(), "{\"imageIds\":[\"" + c.imageId(0) + "\",\"#images\"]}"));
        expectError(400, "UNKNOWN_FIELD", api.reorder(user, c.id(), "{\"imageIds\":[],\"images\":[]}"));
        expectError(400, "INVALID_JSON", api.reorder(user, c.id(), "{\"imageIds\":[],\"imageIds\":[]}"));
        int max = DynamoDbExtension.settings().intValue(Setting.MAX_IMAGES_PER_COLLECTION);
        expectError(400, "TOO_MANY_IMAGES", api.reorder(user, c.id(), order(Collections.nCopies(max + 1, c.imageId(0)))));
        c.assertUnchanged();
        expectError(400, "INVALID_ID", api.reorder(user, "not-a-uuid", order(c.imageIds())));
    }

    @Test
    void upperCaseIdsAreTheSameIds() {
        CreatedCollection c = collections.create(2);
        JsonNode body = expect(200, api.reorder(user, c.id().toUpperCase(), order(List.of(c.imageId(1).toUpperCase(), c.imageId(0).toUpperCase()))));
        assertEquals(List.of(c.imageId(1), c.imageId(0)), idsOf(body));
    }

    @Test
    void missingCollectionsAnswer404() {
        expectError(404, "COLLECTION_NOT_FOUND", api.reorder(user, id(), order(List.of(id()))));
        expectError(404, "COLLECTION_NOT_FOUND", api.reorder(user, id(), order(List.of()), "if-match", "\"1.ab12cd34\""));
    }

    @Test
    void ifMatchGuardsAReorder() {
        CreatedCollection c = collections.create(3);
        List<String> rotated = List.of(c.imageId(1), c.imageId(2), c.imageId(0));
        expectError(412, "PRECONDITION_FAILED", api.reorder(user, c.id(), order(rotated), "if-match", c.etag(2)));
        expectError(412, "PRECONDITION_FAILED", api.reorder(user, c.id(), order(rotated), "if-match", "W/" + c.etag(1)));
        expectError(400, "INVALID_PRECONDITION", api.reorder(user, c.id(), order(rotated), "if-match", "1"));
        c.assertUnchanged();
        APIGatewayV2HTTPResponse r = api.reorder(user, c.id(), order(rotated), "if-match", c.etag(1));
        assertEquals(rotated, idsOf(expect(200, r)));
        assertEquals(c.etag(2), r.getHeaders().get("etag"));
        expectError(412, "PRECONDITION_FAILED", api.reorder(user, c.id(), order(c.imageIds()), "if-match", c.etag(1)));
        expect(200, api.reorder(user, c.id(), order(c.imageIds()), "if-match", "*"));
        assertEquals(3, CollectionAudit.version(user, c.id()));
    }
}
