package com.userimages.handlers;

import static com.userimages.handlers.AppendCollectionHandlerTest.created;
import static com.userimages.handlers.AppendCollectionHandlerTest.id;
import static com.userimages.handlers.AppendCollectionHandlerTest.ids;
import static com.userimages.handlers.AppendCollectionHandlerTest.images;
import static com.userimages.handlers.AppendCollectionHandlerTest.storedItem;
import static com.userimages.handlers.DeleteItemHandlerTest.idsOf;
import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.Setting;
import com.userimages.testing.CollectionAudit;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.ETags;
import com.userimages.testing.TestApi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynamoDbExtension.class)
class ReorderImagesTest {
    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();

    private String collectionWith(List<String> imageIds) {
        return created(api, user, cid -> "{\"imagesCollectionId\":\"" + cid + "\",\"timestamp\":\"2026-02-02T02:02:02Z\",\"images\":"
                + images(imageIds, "https://o.example/") + "}");
    }

    static String order(List<String> ids) {
        return ids.stream().map(i -> "\"" + i + "\"").collect(Collectors.joining(",", "{\"imageIds\":[", "]}"));
    }

    @Test
    void reorderAnswersTheCollectionAsGetReturnsItAndMovesTheCover() {
        List<String> ids = ids(4);
        String cid = collectionWith(ids);
        String inc = ETags.incarnation(user, cid);
        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        APIGatewayV2HTTPResponse r = api.reorder(user, cid, order(reversed));
        JsonNode body = expect(200, r);
        assertEquals("\"2." + inc + "\"", r.getHeaders().get("etag"));
        assertEquals(reversed, idsOf(body));
        assertEquals(expect(200, api.get(user, cid)), body, "as GET returns it");
        assertEquals("https://o.example/" + reversed.getFirst(), CollectionAudit.assertConsistent(user, cid).getFirst().url());
        assertEquals("https://o.example/" + reversed.getFirst(), expect(200, api.list(user)).get("items").get(0).get("coverUrl").asText());
        assertEquals(0, expect(200, api.getImage(user, cid, reversed.getFirst())).get("position").asInt());
        assertEquals(2, CollectionAudit.version(user, cid));
    }

    @Test
    void theCurrentOrderIsANoOpThatKeepsTheVersion() {
        List<String> ids = ids(3);
        String cid = collectionWith(ids);
        String inc = ETags.incarnation(user, cid);
        Map<String, AttributeValue> before = storedItem(user, cid);
        APIGatewayV2HTTPResponse r = api.reorder(user, cid, order(ids));
        assertEquals(ids, idsOf(expect(200, r)));
        assertEquals("\"1." + inc + "\"", r.getHeaders().get("etag"));
        assertEquals(before, storedItem(user, cid));
    }

    @Test
    void anEmptyCollectionTakesTheEmptyOrder() {
        String cid = collectionWith(List.of());
        String inc = ETags.incarnation(user, cid);
        APIGatewayV2HTTPResponse r = api.reorder(user, cid, "{\"imageIds\":[]}");
        assertEquals(0, expect(200, r).get("imageCount").asInt());
        assertEquals("\"1." + inc + "\"", r.getHeaders().get("etag"));
        expectError(409, "IMAGE_SET_MISMATCH", api.reorder(user, cid, order(List.of(id()))));
    }

    @Test
    void idsThatAreNotExactlyTheCollectionsAnswer409AndChangeNothing() {
        List<String> ids = ids(3);
        String cid = collectionWith(ids);
        Map<String, AttributeValue> before = storedItem(user, cid);
        String a = ids.get(0), b = ids.get(1), c = ids.get(2);
        for (List<String> wrong : List.of(
                List.of(c, b),                 // missing
                List.of(c, b, a, id()),        // extra
                List.of(c, b, a, a),           // repeated, one too many
                List.of(c, a, a),              // repeated in place of another
                List.of(c, b, id()),           // one replaced
                List.<String>of())) {
            expectError(409, "IMAGE_SET_MISMATCH", api.reorder(user, cid, order(wrong)));
        }
        assertEquals(before, storedItem(user, cid));
    }

    @Test
    void malformedBodiesAnswer400() {
        List<String> ids = ids(2);
        String cid = collectionWith(ids);
        Map<String, AttributeValue> before = storedItem(user, cid);
        expectError(400, "INVALID_JSON", api.reorder(user, cid, ""));
        expectError(400, "INVALID_JSON", api.reorder(user, cid, "[]"));
        expectError(400, "INVALID_JSON", api.reorder(user, cid, order(ids) + "x"));
        expectError(400, "INVALID_BODY", api.reorder(user, cid, "{}"));
        expectError(400, "INVALID_BODY", api.reorder(user, cid, "{\"imageIds\":null}"));
        expectError(400, "INVALID_BODY", api.reorder(user, cid, "{\"imageIds\":\"" + ids.get(0) + "\"}"));
        expectError(400, "INVALID_BODY", api.reorder(user, cid, "{\"imageIds\":[1,2]}"));
        expectError(400, "INVALID_BODY", api.reorder(user, cid, "{\"imageIds\":[{\"imageId\":\"" + ids.get(0) + "\"}]}"));
        expectError(400, "INVALID_ID", api.reorder(user, cid, "{\"imageIds\":[\"" + ids.get(0) + "\",\"#images\"]}"));
        expectError(400, "UNKNOWN_FIELD", api.reorder(user, cid, "{\"imageIds\":[],\"images\":[]}"));
        expectError(400, "INVALID_JSON", api.reorder(user, cid, "{\"imageIds\":[],\"imageIds\":[]}"));
        int max = DynamoDbExtension.settings().intValue(Setting.MAX_IMAGES_PER_COLLECTION);
        expectError(400, "TOO_MANY_IMAGES", api.reorder(user, cid, order(Collections.nCopies(max + 1, ids.get(0)))));
        assertEquals(before, storedItem(user, cid));
        expectError(400, "INVALID_ID", api.reorder(user, "not-a-uuid", order(ids)));
    }

    @Test
    void upperCaseIdsAreTheSameIds() {
        List<String> ids = ids(2);
        String cid = collectionWith(ids);
        JsonNode body = expect(200, api.reorder(user, cid.toUpperCase(), order(List.of(ids.get(1).toUpperCase(), ids.get(0).toUpperCase()))));
        assertEquals(List.of(ids.get(1), ids.get(0)), idsOf(body));
    }

    @Test
    void missingCollectionsAnswer404() {
        expectError(404, "COLLECTION_NOT_FOUND", api.reorder(user, id(), order(List.of(id()))));
        expectError(404, "COLLECTION_NOT_FOUND", api.reorder(user, id(), order(List.of()), "if-match", "\"1.ab12cd34\""));
    }

    @Test
    void ifMatchGuardsAReorder() {
        List<String> ids = ids(3);
        String cid = collectionWith(ids);
        String inc = ETags.incarnation(user, cid);
        List<String> rotated = List.of(ids.get(1), ids.get(2), ids.get(0));
        Map<String, AttributeValue> before = storedItem(user, cid);
        expectError(412, "PRECONDITION_FAILED", api.reorder(user, cid, order(rotated), "if-match", "\"2." + inc + "\""));
        expectError(412, "PRECONDITION_FAILED", api.reorder(user, cid, order(rotated), "if-match", "W/\"1." + inc + "\""));
        expectError(400, "INVALID_PRECONDITION", api.reorder(user, cid, order(rotated), "if-match", "1"));
        assertEquals(before, storedItem(user, cid));
        APIGatewayV2HTTPResponse r = api.reorder(user, cid, order(rotated), "if-match", "\"1." + inc + "\"");
        assertEquals(rotated, idsOf(expect(200, r)));
        assertEquals("\"2." + inc + "\"", r.getHeaders().get("etag"));
        expectError(412, "PRECONDITION_FAILED", api.reorder(user, cid, order(ids), "if-match", "\"1." + inc + "\""));
        expect(200, api.reorder(user, cid, order(ids), "if-match", "*"));
        assertEquals(3, CollectionAudit.version(user, cid));
    }
}
