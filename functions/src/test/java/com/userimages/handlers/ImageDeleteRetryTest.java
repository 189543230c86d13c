package com.userimages.handlers;

import static com.userimages.handlers.AppendCollectionHandlerTest.id;
import static com.userimages.handlers.AppendCollectionHandlerTest.ids;
import static com.userimages.handlers.AppendCollectionHandlerTest.images;
import static com.userimages.handlers.DeleteItemHandlerTest.idsOf;
import static com.userimages.handlers.ReorderImagesTest.order;
import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.ApiRoute;
import com.userimages.core.data.CollectionRepository;
import com.userimages.core.http.GatewayEvents;
import com.userimages.core.model.Bounds;
import com.userimages.core.model.ImageRef;
import com.userimages.core.service.CollectionService;
import com.userimages.core.service.RetryPacing;
import com.userimages.testing.CollectionAudit;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.ETags;
import com.userimages.testing.ItemlessRefusals;
import com.userimages.testing.TestApi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An image delete's condition pins its element, not the collection's version: a change landing
 * between the delete's read and its write refuses it only if it moved or removed that element (a
 * delete before it, a reorder), or, when the read saw a single image, if an append gave it a
 * second. A refused delete retries with jittered pauses for its whole budget, then answers 409.
 * The pauses run on a clock of the test's own, so the budget is spent without waiting for it.
 */
@ExtendWith(DynamoDbExtension.class)
class ImageDeleteRetryTest {
    private final ItemlessRefusals engine = ItemlessRefusals.around(DynamoDbExtension.client());
    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger pauses = new AtomicInteger();
    private final RetryPacing pacing = new RetryPacing(now::get, nanos -> {
        pauses.incrementAndGet();
        now.addAndGet(nanos);
    }, new Random(7));
    private final DeleteItemHandler racingDelete = new DeleteItemHandler(DynamoDbExtension.componentsBuilder().collectionService(new CollectionService(
            new CollectionRepository(engine.client(), DynamoDbExtension.tableName()), new Bounds(100, 1000), pacing)).build());
    /** The same table without the engine in front: the concurrent writer. */
    private final TestApi other = new TestApi();
    private final String user = TestApi.newUser();

    private String collectionWith(List<String> imageIds) {
        String cid = id();
        expect(201, other.create(user, "{\"imagesCollectionId\":\"" + cid + "\",\"images\":" + images(imageIds, "https://d.example/") + "}"));
        return cid;
    }

    private APIGatewayV2HTTPResponse deleteImage(String cid, String imageId) {
        return racingDelete.handleRequest(GatewayEvents.request(ApiRoute.DELETE_IMAGE).as(user)
                .path("collectionId", cid).path("imageId", imageId).build(), null);
    }

    private Runnable appendOne(String cid) {
        return () -> expect(200, other.append(user, cid, "{\"images\":" + images(ids(1), "https://d.example/") + "}"));
    }

    @Test
    void anAppendLandingBeforeEveryWriteNeverRefusesADelete() {
        List<String> ids = ids(4);
        String cid = collectionWith(ids);
        engine.beforeEach("updateItem", appendOne(cid));

        JsonNode middle = expect(200, deleteImage(cid, ids.get(2)));
        assertEquals(1, engine.calls("updateItem"), "applied on the first write");
        assertEquals(4, middle.get("imageCount").asInt(), "the count after the write, the append before it included");

        APIGatewayV2HTTPResponse first = deleteImage(cid, ids.get(0));
        expect(200, first);
        assertEquals(2, engine.calls("updateItem"), "the first image, too, on the first write");
        assertEquals(ETags.current(user, cid), first.getHeaders().get("etag"), "the ETag of the state the write made");
        assertEquals(0, pauses.get(), "never refused, never waited");

        List<ImageRef> stored = CollectionAudit.assertConsistent(user, cid);
        assertEquals(List.of(ids.get(1), ids.get(3)), stored.subList(0, 2).stream().map(ImageRef::imageId).toList());
        assertEquals(4, stored.size(), "two originals and the two appends");
        assertEquals(1 + 2 + 2, CollectionAudit.version(user, cid), "two appends and two deletes");
    }

    @Test
    void theOnlyImageWithAnAppendLandingFirstIsRemovedByTheRetryAndTheAppendedOneIsTheCover() {
        List<String> ids = ids(1);
        String cid = collectionWith(ids);
        engine.beforeNext("updateItem", appendOne(cid));

        assertEquals(1, expect(200, deleteImage(cid, ids.getFirst())).get("imageCount").asInt());
        assertEquals(2, engine.calls("updateItem"), "the one-image branch refused once, the other applied");
        assertEquals(1, pauses.get());
        List<ImageRef> stored = CollectionAudit.assertConsistent(user, cid);
        assertEquals(1, stored.size());
        assertNotEquals(ids.getFirst(), stored.getFirst().imageId(), "the appended image is left, and is the cover");
    }

    @Test
    void aDeleteThatKeepsLosingRetriesForItsWholeBudgetThenAnswers409() {
        List<String> ids = ids(3);
        String cid = collectionWith(ids);
        // Before every write, a reorder moves every element: the write never finds its element where it read it.
        engine.beforeEach("updateItem", () -> {
            List<String> order = new ArrayList<>(idsOf(expect(200, other.get(user, cid))));
            Collections.rotate(order, 1);
            expect(200, other.reorder(user, cid, order(order)));
        });

        expectError(409, "CONCURRENT_MODIFICATION", deleteImage(cid, ids.get(1)));
        assertEquals(RetryPacing.IMAGE_DELETE_BUDGET.toNanos(), now.get(), "it paused for its whole budget, no longer");
        assertEquals(pauses.get() + 1, engine.calls("updateItem"), "one write before the pauses and one after each");
        // A single pause is at most 200 ms, so a budget of 1 s holds more retries than the old fixed three.
        assertTrue(pauses.get() >= 5, "retried " + pauses.get() + " times");
        assertEquals(ids.size(), CollectionAudit.assertConsistent(user, cid).size(), "nothing removed");
    }

    @Test
    void aDeleteLosingToTheDeleteOfItsOwnImageIs404AtOnce() {
        List<String> ids = ids(2);
        String cid = collectionWith(ids);
        engine.beforeNext("updateItem", () -> expect(200, other.deleteImage(user, cid, ids.get(1))));

        expectError(404, "IMAGE_NOT_FOUND", deleteImage(cid, ids.get(1)));
        assertEquals(0, pauses.get(), "what the refusal's read decides is answered without waiting");
    }

    @Test
    void aDeleteLosingToAnotherDeleteFindsItsImageAgain() {
        List<String> ids = ids(3);
        String cid = collectionWith(ids);
        engine.beforeNext("updateItem", () -> expect(200, other.deleteImage(user, cid, ids.get(0))));

        assertEquals(1, expect(200, deleteImage(cid, ids.get(2))).get("imageCount").asInt());
        assertEquals(1, pauses.get());
        assertEquals(List.of(ids.get(1)), CollectionAudit.assertConsistent(user, cid).stream().map(ImageRef::imageId).toList());
        assertTrue(Duration.ofNanos(now.get()).compareTo(RetryPacing.IMAGE_DELETE_BUDGET) < 0);
    }
}
