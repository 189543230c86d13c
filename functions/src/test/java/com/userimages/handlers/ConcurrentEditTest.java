package com.userimages.handlers;

import static com.userimages.handlers.AppendCollectionHandlerTest.id;
import static com.userimages.handlers.AppendCollectionHandlerTest.ids;
import static com.userimages.handlers.AppendCollectionHandlerTest.images;
import static com.userimages.handlers.DeleteItemHandlerTest.idsOf;
import static com.userimages.handlers.ReorderImagesTest.order;
import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.core.model.ImageRef;
import com.userimages.testing.CollectionAudit;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.ETags;
import com.userimages.testing.Responses;
import com.userimages.testing.SeedData;
import com.userimages.testing.Race;
import com.userimages.testing.TestApi;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deletes, appends and reorders racing on one collection: every change that was acknowledged is in
 * the stored item exactly once, nothing that was refused is, and count, id set, cover and size
 * estimate always agree with the stored list. And If-Match makes exactly one of N writers win.
 */
@ExtendWith(DynamoDbExtension.class)
class ConcurrentEditTest {
    private static final int THREADS = Race.THREADS;
    private static final int CLIENT_ATTEMPTS = 20;

    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();

    private static List<APIGatewayV2HTTPResponse> race(int count, IntFunction<APIGatewayV2HTTPResponse> call) throws Exception {
        return Race.run(count, call);
    }

    private String collectionWith(List<String> imageIds) {
        String cid = id();
        expect(201, api.create(user, "{\"imagesCollectionId\":\"" + cid + "\",\"images\":" + images(imageIds, "https://c.example/") + "}"));
        return cid;
    }

    private static String code(APIGatewayV2HTTPResponse r) {
        return r.getStatusCode() + (r.getStatusCode() >= 400 ? " " + Responses.body(r).get("error").get("code").asText() : "");
    }

    @Test
    void deletesAppendsAndReordersRacingThenAnAudit() throws Exception {
        int initial = 30;
        List<String> original = ids(initial);
        String cid = collectionWith(original);
        List<String> appended = ids(initial);
        // Op i: 0..29 delete original[i], 30..59 append appended[i-30], 60..89 a reorder of what it reads.
        List<Integer> ops = new ArrayList<>(IntStream.range(0, 3 * initial).boxed().toList());
        Collections.shuffle(ops, new Random(11));
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();

        AtomicInteger requests = new AtomicInteger();
        List<APIGatewayV2HTTPResponse> responses = race(ops.size(), n -> {
            int op = ops.get(n);
            String kind = op < initial ? "delete-image" : op < 2 * initial ? "append" : "reorder";
            APIGatewayV2HTTPResponse r = null;
            // As a client would: a 409 that says "changed under you" is read again and retried, a few times.
            for (int attempt = 0; attempt < CLIENT_ATTEMPTS; attempt++) {
                requests.incrementAndGet();
                if (op < initial) {
                    r = api.deleteImage(user, cid, original.get(op));
                } else if (op < 2 * initial) {
                    r = api.append(user, cid, "{\"images\":" + images(List.of(appended.get(op - initial)), "https://c.example/") + "}");
                } else {
                    List<String> read = idsOf(expect(200, api.get(user, cid)));
                    List<String> shuffled = new ArrayList<>(read);
                    Collections.shuffle(shuffled, new Random(op * 31L + attempt));
                    r = api.reorder(user, cid, order(shuffled));
                }
                outcomes.merge(kind + " " + code(r), 1, Integer::sum);
                if (r.getStatusCode() != 409) break;
            }
            return r;
        });

        Set<String> expected = new LinkedHashSet<>();
        int ackedDeletes = 0, ackedAppends = 0, ackedReorders = 0;
        for (int n = 0; n < ops.size(); n++) {
            int op = ops.get(n);
            APIGatewayV2HTTPResponse r = responses.get(n);
            if (op < initial) {
                if (r.getStatusCode() == 200) ackedDeletes++;
                else expectError(409, "CONCURRENT_MODIFICATION", r);
                if (r.getStatusCode() != 200) expected.add(original.get(op));
            } else if (op < 2 * initial) {
                if (r.getStatusCode() == 200) {
                    assertEquals(1, Responses.body(r).get("appended").asInt());
                    ackedAppends++;
                    expected.add(appended.get(op - initial));
                } else {
                    expectError(409, "CONCURRENT_MODIFICATION", r);
                }
            } else if (r.getStatusCode() == 200) {
                ackedReorders++;
            } else {
                String c = code(r);
                assertTrue(c.equals("409 IMAGE_SET_MISMATCH") || c.equals("409 CONCURRENT_MODIFICATION"), c);
            }
        }
        List<ImageRef> stored = CollectionAudit.assertConsistent(user, cid);
        assertEquals(expected, stored.stream().map(ImageRef::imageId).collect(Collectors.toSet()),
                "every acknowledged delete and append reflected exactly once, nothing refused reflected");
        assertEquals(initial - ackedDeletes + ackedAppends, stored.size());
        long version = CollectionAudit.version(user, cid);
        assertTrue(version >= 1 + ackedDeletes + ackedAppends && version <= 1 + ackedDeletes + ackedAppends + ackedReorders,
                "version " + version + " counts the changes");
        assertTrue(ackedDeletes > 0 && ackedAppends > 0 && ackedReorders > 0, "each kind got through: " + outcomes);
        System.out.printf("concurrent edits: %d threads, %d operations (%d requests) on one collection of %d images;"
                        + " responses %s; acknowledged %d deletes, %d appends, %d reorders; final %d images, version %d; audit passed%n",
                THREADS, ops.size(), requests.get(), initial, new TreeMap<>(outcomes), ackedDeletes, ackedAppends, ackedReorders,
                stored.size(), version);
    }

    /** Who the clients of a race are: how many append, how many delete, and whether the deleting ones take turns. */
    private record Clients(int appending, int deleting, int mixed, boolean deletesTakeTurns) {
        int total() {
            return appending + deleting + mixed;
        }

        String describe() {
            return mixed > 0 ? mixed + " mixed clients"
                    : appending + " appending, " + deleting + " deleting" + (deletesTakeTurns ? " one at a time" : "");
        }
    }

    /** One request a race made: what it did, to which image, its response, and its place among the others. */
    private record Call(boolean delete, String imageId, APIGatewayV2HTTPResponse response, long started, long ended) {
        boolean overlaps(Call other) {
            return started < other.ended && other.started < ended;
        }
    }

    private static final int OPS_PER_CLIENT = 10;

    /**
     * Appends never refuse a delete (an append never moves an element, and the delete's condition
     * pins only its element): with the deleting clients taking turns, so that no delete ever races
     * another, not one of 40 deletes racing 40 appends may be a 409.
     */
    @Test
    void aDeleteRacingAppendsNeverFails() throws Exception {
        List<Call> calls = raceAppendsAndDeletes(new Clients(4, 4, 0, true));
        List<Call> refused = calls.stream().filter(c -> c.delete() && c.response().getStatusCode() == 409).toList();
        assertEquals(List.of(), refused.stream().map(c -> c.response().getBody()).toList(), "no delete failed because of appends");
    }

    /**
     * The same with deletes racing deletes too (4 and 4, then 8 clients each mixing both): a delete
     * may then lose to deletes for its whole retry budget, and only then answer 409; a 409 while no
     * other delete applied (none was in flight at the same time) could only have been an append's
     * doing, and fails the test.
     */
    @Test
    void deletesRacingDeletesAndAppendsLoseOnlyToDeletes() throws Exception {
        Map<String, Integer> unexplained = new TreeMap<>();
        for (Clients clients : List.of(new Clients(4, 4, 0, false), new Clients(0, 0, 8, false))) {
            List<Call> calls = raceAppendsAndDeletes(clients);
            for (Call c : calls) {
                if (!c.delete() || c.response().getStatusCode() != 409) continue;
                if (calls.stream().noneMatch(o -> o != c && o.delete() && o.response().getStatusCode() == 200 && o.overlaps(c))) {
                    unexplained.merge(clients.describe(), 1, Integer::sum);
                }
            }
        }
        assertEquals(Map.of(), unexplained, "deletes answered 409 while no other delete applied");
    }

    /**
     * Races appends and deletes on one collection of 40 images, then audits it: every acknowledged
     * delete's image is gone and every acknowledged append's image is there, once; the images not
     * deleted keep their order with the appended ones after them; every acknowledged write has its
     * own version and the final version counts them. Prints the deletes' 409 rate.
     */
    private List<Call> raceAppendsAndDeletes(Clients clients) throws Exception {
        int deletes = (clients.deleting() + clients.mixed()) * OPS_PER_CLIENT / (clients.mixed() > 0 ? 2 : 1);
        List<String> original = ids(deletes);
        String cid = collectionWith(original);
        List<String> toDelete = new ArrayList<>(original);
        Collections.shuffle(toDelete, new Random(deletes + clients.total()));
        java.util.Queue<String> deleteQueue = new java.util.concurrent.ConcurrentLinkedQueue<>(toDelete);
        java.util.concurrent.locks.Lock deleteTurn = new java.util.concurrent.locks.ReentrantLock(true);
        AtomicInteger clock = new AtomicInteger();
        List<Call> calls = java.util.Collections.synchronizedList(new ArrayList<>());

        race(clients.total(), client -> {
            // Mixed clients: as many appends as deletes each, in an order of their own.
            List<Boolean> plan = new ArrayList<>();
            for (int k = 0; k < OPS_PER_CLIENT; k++) {
                plan.add(clients.mixed() > 0 ? k % 2 == 0 : client >= clients.appending());
            }
            Collections.shuffle(plan, new Random(client));
            for (boolean delete : plan) {
                String image = delete ? deleteQueue.poll() : id();
                if (image == null) throw new AssertionError("more deletes planned than images");
                if (delete && clients.deletesTakeTurns()) deleteTurn.lock();
                try {
                    long started = clock.incrementAndGet();
                    APIGatewayV2HTTPResponse r = delete ? api.deleteImage(user, cid, image)
                            : api.append(user, cid, "{\"images\":" + images(List.of(image), "https://c.example/") + "}");
                    calls.add(new Call(delete, image, r, started, clock.incrementAndGet()));
                } finally {
                    if (delete && clients.deletesTakeTurns()) deleteTurn.unlock();
                }
            }
            return null;
        });

        List<String> survivingOriginals = new ArrayList<>(original);
        Set<String> appended = new HashSet<>();
        Set<String> etags = new HashSet<>();
        int refusedDeletes = 0;
        for (Call c : calls) {
            APIGatewayV2HTTPResponse r = c.response();
            if (!c.delete()) {
                assertEquals(1, expect(200, r).get("appended").asInt(), "an append never fails here");
                appended.add(c.imageId());
            } else if (r.getStatusCode() == 200) {
                assertEquals(1, Responses.body(r).get("removed").asInt());
                survivingOriginals.remove(c.imageId());
            } else {
                expectError(409, "CONCURRENT_MODIFICATION", r);
                refusedDeletes++;
            }
            if (r.getStatusCode() == 200) assertTrue(etags.add(r.getHeaders().get("etag")), "each acknowledged write has its own ETag");
        }
        List<String> stored = CollectionAudit.assertConsistent(user, cid).stream().map(ImageRef::imageId).toList();
        assertEquals(survivingOriginals, stored.subList(0, Math.min(survivingOriginals.size(), stored.size())),
                "every acknowledged delete's image gone, every other original there, in its order");
        assertEquals(appended, new HashSet<>(stored.subList(survivingOriginals.size(), stored.size())),
                "every acknowledged append's image there, after the originals");
        assertEquals(survivingOriginals.size() + appended.size(), stored.size(), "nothing lost or duplicated");
        assertEquals(1 + etags.size(), CollectionAudit.version(user, cid), "the version counts the acknowledged writes");
        assertTrue(etags.contains(ETags.current(user, cid)), "the last write's ETag is the collection's");
        System.out.printf("delete 409 rate (%s on one collection of %d images, %d appends): %d of %d%n",
                clients.describe(), original.size(), appended.size(), refusedDeletes, deletes);
        return calls;
    }

    @Test
    void withTheSameIfMatchExactlyOneOfNWritersWins() throws Exception {
        int writers = 12;
        for (int round = 0; round < 3; round++) {
            List<String> ids = ids(writers + 1);
            String onAppend = collectionWith(ids);
            String onAppendTag = ETags.of(user, onAppend, 1);
            assertOneWins(race(writers, i -> api.appendWith(user, onAppend,
                    "{\"images\":" + images(List.of(id()), "https://c.example/") + "}", "if-match", onAppendTag)), 200, 412);
            assertEquals(writers + 2, CollectionAudit.assertConsistent(user, onAppend).size());

            String onReorder = collectionWith(ids);
            String onReorderTag = ETags.of(user, onReorder, 1);
            assertOneWins(race(writers, i -> {
                List<String> rotated = new ArrayList<>(ids);
                Collections.rotate(rotated, i + 1);
                return api.reorder(user, onReorder, order(rotated), "if-match", onReorderTag);
            }), 200, 412);
            assertEquals(2, CollectionAudit.version(user, onReorder));

            String onDeleteImage = collectionWith(ids);
            String onDeleteImageTag = ETags.of(user, onDeleteImage, 1);
            assertOneWins(race(writers, i -> api.deleteImage(user, onDeleteImage, ids.get(i), "if-match", onDeleteImageTag)), 200, 412);
            assertEquals(writers, CollectionAudit.assertConsistent(user, onDeleteImage).size());

            String onDelete = collectionWith(ids);
            String onDeleteTag = ETags.of(user, onDelete, 1);
            assertOneWins(race(writers, i -> api.deleteCollection(user, onDelete, "if-match", onDeleteTag)), 204, 404);
        }
        System.out.printf("If-Match races: 3 rounds x 4 write kinds x %d writers on %d threads; exactly one winner each%n",
                writers, THREADS);
    }

    private static void assertOneWins(List<APIGatewayV2HTTPResponse> responses, int winStatus, int loseStatus) {
        int wins = 0;
        for (APIGatewayV2HTTPResponse r : responses) {
            if (r.getStatusCode() == winStatus) {
                wins++;
            } else {
                assertEquals(loseStatus, r.getStatusCode(), () -> "body " + r.getBody());
                assertNotNull(Responses.body(r).get("error"));
            }
        }
        assertEquals(1, wins, "exactly one writer with the ETag wins");
    }

    @Test
    void aPageWalkKeepsWorkingWhileItsCollectionsAreDeleted() throws Exception {
        List<SeedData.Seed> seeds = new ArrayList<>();
        for (int i = 0; i < 150; i++) seeds.add(SeedData.Seed.of(String.format("2026-04-01T%02d:%02d:00Z", i / 60, i % 60), i % 3));
        SeedData.put(user, seeds);
        Set<String> all = seeds.stream().map(SeedData.Seed::collectionId).collect(Collectors.toSet());
        Set<String> deleted = ConcurrentHashMap.newKeySet();

        // Deletes under the walk: a thread at random, and the walker itself deletes each page's last item (its cursor).
        AtomicBoolean walking = new AtomicBoolean(true);
        List<String> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(5));
        ExecutorService deleter = Executors.newSingleThreadExecutor();
        Future<?> background = deleter.submit(() -> {
            for (String cid : shuffled.subList(0, 40)) {
                if (!walking.get()) break;
                APIGatewayV2HTTPResponse r = api.deleteCollection(user, cid);
                if (r.getStatusCode() == 204) deleted.add(cid);
                else assertEquals(404, r.getStatusCode());
            }
        });

        List<String> seen = new ArrayList<>();
        List<String> timestamps = new ArrayList<>();
        String token = null;
        int pages = 0;
        try {
            do {
                JsonNode page = token == null ? expect(200, api.list(user, "limit", "10"))
                        : expect(200, api.list(user, "limit", "10", "nextToken", token));
                pages++;
                JsonNode items = page.get("items");
                for (JsonNode item : items) {
                    seen.add(item.get("imagesCollectionId").asText());
                    timestamps.add(item.get("timestamp").asText());
                }
                if (!items.isEmpty()) {
                    String cursor = items.get(items.size() - 1).get("imagesCollectionId").asText();
                    APIGatewayV2HTTPResponse r = api.deleteCollection(user, cursor);
                    if (r.getStatusCode() == 204) deleted.add(cursor);
                }
                JsonNode next = page.get("pagination").get("nextToken");
                token = next.isNull() ? null : next.asText();
                assertTrue(pages < 100, "the walk ends");
            } while (token != null);
        } finally {
            walking.set(false);
            background.get(60, TimeUnit.SECONDS);
            deleter.shutdownNow();
        }

        assertEquals(seen.size(), new HashSet<>(seen).size(), "no collection twice");
        List<String> sorted = new ArrayList<>(timestamps);
        sorted.sort(Collections.reverseOrder());
        assertEquals(sorted, timestamps, "newest first throughout");
        for (String cid : all) {
            if (!deleted.contains(cid)) assertTrue(seen.contains(cid), "a collection never deleted was skipped");
        }
        assertFalse(seen.isEmpty());
        System.out.printf("page walk: %d pages over 150 collections while %d were deleted under it; %d seen, none twice%n",
                pages, deleted.size(), seen.size());
    }
}
