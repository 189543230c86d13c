package com.userimages.handlers;

import static com.userimages.handlers.AppendCollectionHandlerTest.id;
import static com.userimages.handlers.AppendCollectionHandlerTest.ids;
import static com.userimages.handlers.AppendCollectionHandlerTest.images;
import static com.userimages.handlers.AppendCollectionHandlerTest.storedItem;
import static com.userimages.handlers.ReorderImagesTest.order;
import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.Scopes;
import com.userimages.core.http.GatewayEvents;
import com.userimages.wiring.FunctionComponents;
import com.userimages.testing.CollectionAudit;
import com.userimages.testing.CreatedCollection;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.ETags;
import com.userimages.testing.ItemlessRefusals;
import com.userimages.testing.TestApi;
import com.userimages.testing.TestCollections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * RFC 9110 §13.2.2 on every route that names one collection (API.md, "Versions and conditional
 * requests"): If-Match, then If-None-Match, on reads and writes alike; on a create, the body's
 * collection; a false precondition changes nothing, and a write's own condition carries it.
 */
@ExtendWith(DynamoDbExtension.class)
class PreconditionsOnEveryMethodTest {
    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();
    private final TestCollections collections = new TestCollections(api, user, PreconditionsOnEveryMethodTest::createBody);

    private static String createBody(String cid, List<String> imageIds) {
        return "{\"imagesCollectionId\":\"" + cid + "\",\"images\":" + images(imageIds, "https://p.example/") + "}";
    }

    private static String appendBody() {
        return "{\"images\":" + images(List.of(id()), "https://p.example/") + "}";
    }

    @Test
    void ifMatchOnAGetThatDoesNotMatchIs412AndIsEvaluatedBeforeIfNoneMatch() {
        CreatedCollection c = collections.create(1);
        String current = ETags.current(user, c.id());
        String stale = ETags.of(user, c.id(), 2);
        List<Function<String[], APIGatewayV2HTTPResponse>> gets = List.of(
                h -> api.getWith(user, c.id(), h), h -> api.getImageWith(user, c.id(), c.imageId(0), h));
        for (var get : gets) {
            expectError(412, "PRECONDITION_FAILED", get.apply(new String[] {"if-match", stale}));
            expectError(412, "PRECONDITION_FAILED", get.apply(new String[] {"if-match", "W/" + current}));
            expectError(412, "PRECONDITION_FAILED", get.apply(new String[] {"if-match", stale, "if-none-match", current}));
            APIGatewayV2HTTPResponse ok = get.apply(new String[] {"if-match", "\"9.0\", " + current});
            expect(200, ok);
            assertEquals(current, ok.getHeaders().get("etag"));
            expect(200, get.apply(new String[] {"if-match", "*"}));
            assertEquals(304, get.apply(new String[] {"if-match", current, "if-none-match", current}).getStatusCode());
            expectError(400, "INVALID_PRECONDITION", get.apply(new String[] {"if-match", "1"}));
        }
        expectError(404, "COLLECTION_NOT_FOUND", api.getWith(user, id(), "if-match", stale));
        expectError(404, "IMAGE_NOT_FOUND", api.getImageWith(user, c.id(), id(), "if-match", stale));
    }

    @Test
    void ifNoneMatchOnAWriteThatMatchesIs412AndNothingChanges() {
        CreatedCollection c = collections.create(2);
        String current = ETags.current(user, c.id());
        for (String matching : List.of(current, "W/" + current, "\"9.0\", " + current, "*")) {
            expectError(412, "PRECONDITION_FAILED", api.appendWith(user, c.id(), appendBody(), "if-none-match", matching));
            expectError(412, "PRECONDITION_FAILED", api.reorder(user, c.id(), order(List.of(c.imageId(1), c.imageId(0))), "if-none-match", matching));
            expectError(412, "PRECONDITION_FAILED", api.reorder(user, c.id(), order(c.imageIds()), "if-none-match", matching)); // even the current order
            expectError(412, "PRECONDITION_FAILED", api.deleteImage(user, c.id(), c.imageId(0), "if-none-match", matching));
            expectError(412, "PRECONDITION_FAILED", api.deleteCollection(user, c.id(), "if-none-match", matching));
            expectError(400, "INVALID_PRECONDITION", api.deleteCollection(user, c.id(), "if-none-match", matching + " x"));
        }
        // If-Match holds, If-None-Match does not: still 412.
        expectError(412, "PRECONDITION_FAILED", api.deleteCollection(user, c.id(), "if-match", current, "if-none-match", "*"));
        c.assertUnchanged();

        // A stale tag in If-None-Match holds: each write applies.
        String stale = ETags.of(user, c.id(), 7);
        expect(200, api.appendWith(user, c.id(), appendBody(), "if-none-match", stale));
        List<String> reversed = new ArrayList<>(DeleteItemHandlerTest.idsOf(expect(200, api.get(user, c.id()))));
        java.util.Collections.reverse(reversed);
        expect(200, api.reorder(user, c.id(), order(reversed), "if-none-match", stale));
        expect(200, api.deleteImage(user, c.id(), c.imageId(0), "if-none-match", stale));
        CollectionAudit.assertConsistent(user, c.id());
        assertEquals(204, api.deleteCollection(user, c.id(), "if-none-match", stale).getStatusCode());
        // Missing: 404 whatever the preconditions.
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteCollection(user, c.id(), "if-none-match", "*"));
        expectError(404, "COLLECTION_NOT_FOUND", api.appendWith(user, c.id(), appendBody(), "if-none-match", "*"));
    }

    @Test
    void onACreateIfNoneMatchStarCreatesOnlyIfAbsent() {
        String cid = id();
        String body = createBody(cid, ids(1));
        APIGatewayV2HTTPResponse created = api.createWith(user, body, "if-none-match", "*");
        expect(201, created);
        Map<String, AttributeValue> before = storedItem(user, cid);
        expectError(412, "PRECONDITION_FAILED", api.createWith(user, body, "if-none-match", "*")); // a replay too
        expectError(412, "PRECONDITION_FAILED", api.createWith(user, createBody(cid, ids(1)), "if-none-match", "*")); // not a 409
        expectError(412, "PRECONDITION_FAILED", api.createWith(user, body, "if-none-match", created.getHeaders().get("etag")));
        assertEquals(200, api.createWith(user, body, "if-none-match", ETags.of(user, cid, 5)).getStatusCode(), "a stale tag holds: replay");
        assertEquals(before, storedItem(user, cid));
        // Without an id in the body the collection is new: * holds.
        expect(201, api.createWith(user, "{\"images\":[]}", "if-none-match", "*"));
    }

    @Test
    void onACreateIfMatchNeverCreatesAndOnAnExistingCollectionLeadsToTheReplayRules() {
        String cid = id();
        String body = createBody(cid, ids(1));
        for (String any : List.of("*", "\"1.0\"", "\"1.ab12cd34\"")) {
            expectError(412, "PRECONDITION_FAILED", api.createWith(user, body, "if-match", any));
        }
        assertTrue(CollectionAudit.item(user, cid).isEmpty(), "If-Match created nothing");
        expectError(412, "PRECONDITION_FAILED", api.createWith(user, "{\"images\":[]}", "if-match", "*")); // no id in the body
        assertEquals(0, expect(200, api.list(user)).get("count").asInt(), "nothing created without an id either");

        APIGatewayV2HTTPResponse created = api.create(user, body);
        String current = created.getHeaders().get("etag");
        APIGatewayV2HTTPResponse replay = api.createWith(user, body, "if-match", current);
        assertEquals(200, replay.getStatusCode(), replay.getBody());
        assertEquals(current, replay.getHeaders().get("etag"));
        assertEquals(200, api.createWith(user, body, "if-match", "*").getStatusCode());
        expectError(409, "COLLECTION_EXISTS", api.createWith(user, createBody(cid, ids(1)), "if-match", current));
        expectError(412, "PRECONDITION_FAILED", api.createWith(user, body, "if-match", ETags.of(user, cid, 2)));
        expectError(412, "PRECONDITION_FAILED", api.createWith(user, body, "if-match", "W/" + current));
        expectError(412, "PRECONDITION_FAILED", api.createWith(user, body, "if-match", current, "if-none-match", "*"));
        expectError(400, "INVALID_PRECONDITION", api.createWith(user, body, "if-match", "3"));
        expectError(400, "INVALID_PRECONDITION", api.createWith(user, "{\"images\":[]}", "if-none-match", "W/"));
    }

    @Test
    void listingsAndTheTableRouteIgnoreBothHeaders() {
        collections.create(1);
        for (String[] headers : List.of(new String[] {"if-match", "\"1.0\""}, new String[] {"if-none-match", "*"},
                new String[] {"if-match", "3", "if-none-match", "W/"})) {
            assertEquals(1, expect(200, api.listWith(user, headers)).get("count").asInt());
            GatewayEvents table = GatewayEvents.request(ApiRoute.CREATE_TABLE).as(TestApi.newUser(), Scopes.ADMIN);
            for (int i = 0; i < headers.length; i += 2) table.header(headers[i], headers[i + 1]);
            assertEquals(200, new CreateTableHandler(DynamoDbExtension.components()).handleRequest(table.build(), null).getStatusCode());
        }
    }

    @Test
    void theWritesOwnConditionCarriesThePreconditions() {
        ItemlessRefusals engine = ItemlessRefusals.around(DynamoDbExtension.client());
        TestApi racing = new TestApi(FunctionComponents.builder(DynamoDbExtension.settings()).dynamoDb(engine.client()).build());
        CreatedCollection c = collections.create(2);
        String v1 = ETags.current(user, c.id());
        String v2 = ETags.of(user, c.id(), 2);
        // Each time, another writer changes the collection between the request's read and its write.
        Runnable concurrentAppend = () -> expect(200, api.append(user, c.id(), appendBody()));

        engine.beforeNext("updateItem", concurrentAppend);
        expectError(412, "PRECONDITION_FAILED", racing.deleteImage(user, c.id(), c.imageId(1), "if-match", v1));
        engine.beforeNext("updateItem", concurrentAppend);
        expectError(412, "PRECONDITION_FAILED", racing.appendWith(user, c.id(), appendBody(), "if-none-match", ETags.of(user, c.id(), 3)));
        engine.beforeNext("deleteItem", concurrentAppend);
        expectError(412, "PRECONDITION_FAILED", racing.deleteCollection(user, c.id(), "if-none-match", ETags.of(user, c.id(), 4)));
        assertEquals(List.of(c.imageId(0), c.imageId(1)), CollectionAudit.assertConsistent(user, c.id()).subList(0, 2).stream()
                .map(i -> i.imageId()).toList());
        assertEquals(4, CollectionAudit.version(user, c.id()), "three concurrent appends, nothing else");

        // Tags of more incarnations than a condition holds: read, evaluated, and the write pinned to that state.
        List<String> many = new ArrayList<>();
        for (String incarnation : List.of("aaaaaaaa", "bbbbbbbb", "cccccccc", "dddddddd", "eeeeeeee")) many.add(ETags.of(5, incarnation));
        String current = ETags.current(user, c.id());
        String list = String.join(", ", many) + ", " + current;
        engine.beforeNext("updateItem", concurrentAppend);
        expectError(412, "PRECONDITION_FAILED", racing.appendWith(user, c.id(), appendBody(), "if-match", list));
        current = ETags.current(user, c.id());
        list = String.join(", ", many) + ", " + current;
        expect(200, racing.appendWith(user, c.id(), appendBody(), "if-match", list));
        current = ETags.current(user, c.id());
        engine.beforeNext("deleteItem", concurrentAppend);
        expectError(412, "PRECONDITION_FAILED", racing.deleteCollection(user, c.id(), "if-match", String.join(", ", many) + ", " + current));
        expectError(412, "PRECONDITION_FAILED", racing.deleteCollection(user, c.id(), "if-none-match", String.join(", ", many) + ", "
                + ETags.current(user, c.id())));
        assertEquals(204, racing.deleteCollection(user, c.id(), "if-match", String.join(", ", many) + ", " + ETags.current(user, c.id()))
                .getStatusCode());
        assertNull(CollectionAudit.item(user, c.id()).orElse(null));
        assertTrue(v2.startsWith("\"2."));
    }
}
