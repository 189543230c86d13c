package com.userimages.handlers;

import static com.userimages.handlers.AppendCollectionHandlerTest.id;
import static com.userimages.handlers.AppendCollectionHandlerTest.ids;
import static com.userimages.handlers.AppendCollectionHandlerTest.images;
import static com.userimages.handlers.DeleteItemHandlerTest.idsOf;
import static com.userimages.handlers.ReorderImagesTest.order;
import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.ApiRoute;
import com.userimages.core.data.CollectionRepository;
import com.userimages.core.http.GatewayEvents;
import com.userimages.core.model.Bounds;
import com.userimages.core.service.CollectionService;
import com.userimages.wiring.FunctionComponents;
import com.userimages.testing.CollectionAudit;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.ItemlessRefusals;
import com.userimages.testing.TestApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every refused conditional write is classified the same way on an engine that returns nothing
 * with a refusal (dynalite): by a strongly consistent read of the item, made only on that path.
 * No write asks for the item with its refusal, and a write that applies is one call.
 */
@ExtendWith(DynamoDbExtension.class)
class RefusedWriteClassificationTest {
    private final ItemlessRefusals engine = ItemlessRefusals.around(DynamoDbExtension.client());
    private final FunctionComponents components = FunctionComponents.builder(DynamoDbExtension.settings())
            .dynamoDb(engine.client()).build();
    private final TestApi api = new TestApi(components);
    /** The same table without the itemless engine in front: the concurrent writer. */
    private final TestApi other = new TestApi();
    private final String user = TestApi.newUser();

    @AfterEach
    void noWriteAskedForTheItemWithItsRefusal() {
        assertEquals(List.of(), engine.writesThatAskedForTheItem());
    }

    private String collectionWith(List<String> imageIds) {
        String cid = id();
        expect(201, api.create(user, "{\"imagesCollectionId\":\"" + cid + "\",\"images\":" + images(imageIds, "https://r.example/") + "}"));
        return cid;
    }

    private static String appendBody(List<String> imageIds, String urlPrefix) {
        return "{\"images\":" + images(imageIds, urlPrefix) + "}";
    }

    @Test
    void aRefusedCreateIsAReplayOrAConflictByWhatTheReadFinds() {
        String cid = id();
        String create = "{\"imagesCollectionId\":\"" + cid + "\",\"images\":" + images(ids(2), "https://r.example/") + "}";
        JsonNode created = expect(201, api.create(user, create));
        assertEquals(created, expect(200, api.create(user, create)), "a replay answers the collection as it is");
        expectError(409, "COLLECTION_EXISTS", api.create(user, "{\"imagesCollectionId\":\"" + cid + "\",\"images\":[]}"));
    }

    @Test
    void aRefusedAppendIsARetryAConflictAPreconditionOrABoundByWhatTheReadFinds() {
        List<String> ids = ids(1);
        String cid = collectionWith(ids);
        assertEquals(0, expect(200, api.append(user, cid, appendBody(ids, "https://r.example/"))).get("appended").asInt());
        expectError(409, "IMAGE_ID_CONFLICT", api.append(user, cid, appendBody(ids, "https://elsewhere.example/")));
        expectError(412, "PRECONDITION_FAILED", api.appendWith(user, cid, appendBody(ids(1), "https://r.example/"), "if-match", "\"7\""));
        expectError(404, "COLLECTION_NOT_FOUND", api.append(user, id(), appendBody(ids(1), "https://r.example/")));

        Bounds small = new Bounds(100, 2);
        var bounded = new AppendCollectionHandler(DynamoDbExtension.componentsBuilder().collectionService(new CollectionService(
                new CollectionRepository(engine.client(), DynamoDbExtension.tableName()), small)).bounds(small).build());
        expectError(413, "COLLECTION_TOO_LARGE", bounded.handleRequest(GatewayEvents.request(ApiRoute.APPEND_IMAGES).as(user)
                .path("collectionId", cid).body(appendBody(ids(2), "https://r.example/")).build(), null));
        assertEquals(1, CollectionAudit.assertConsistent(user, cid).size());
    }

    @Test
    void aRefusedReorderOrDeleteIsReadAgain() {
        List<String> ids = ids(3);
        String cid = collectionWith(ids);
        // An append lands between the reorder's read and its write: the ids are no longer the collection's.
        engine.beforeNext("updateItem", () -> expect(200, other.append(user, cid, appendBody(ids(1), "https://r.example/"))));
        expectError(409, "IMAGE_SET_MISMATCH", api.reorder(user, cid, order(List.of(ids.get(2), ids.get(1), ids.get(0)))));

        // The first image goes between the image delete's read and its write: the last one moved, the retry finds it.
        engine.beforeNext("updateItem", () -> expect(200, other.deleteImage(user, cid, ids.get(0))));
        expect(200, api.deleteImage(user, cid, ids.get(2)));
        List<String> left = new ArrayList<>(idsOf(expect(200, api.get(user, cid))));
        assertEquals(2, left.size());
        assertEquals(ids.get(1), left.getFirst());
        CollectionAudit.assertConsistent(user, cid);

        expectError(412, "PRECONDITION_FAILED", api.deleteCollection(user, cid, "if-match", "\"7\""));
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteCollection(user, id()));
        expectError(404, "COLLECTION_NOT_FOUND", api.deleteImage(user, id(), ids.get(1)));
    }

    @Test
    void aWriteThatAppliesIsOneCall() {
        String cid = collectionWith(ids(1));
        assertEquals(1, engine.calls("putItem"));
        assertEquals(0, engine.calls("getItem"), "no read when the create applied");
        engine.resetCounts();
        expect(200, api.append(user, cid, appendBody(ids(2), "https://r.example/")));
        assertEquals(1, engine.calls("updateItem"));
        assertEquals(0, engine.calls("getItem"), "no read when the append applied");
        engine.resetCounts();
        assertEquals(204, api.deleteCollection(user, cid).getStatusCode());
        assertEquals(1, engine.calls("deleteItem"));
        assertEquals(0, engine.calls("getItem"), "no read when the delete applied");
    }
}
