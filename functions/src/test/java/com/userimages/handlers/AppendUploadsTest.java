package com.userimages.handlers;

import static com.userimages.handlers.AppendCollectionHandlerTest.created;
import static com.userimages.handlers.AppendCollectionHandlerTest.id;
import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.core.data.CollectionRepository;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.UploadedFile;
import com.userimages.core.storage.ObjectKeys;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.ObjectStoreEngine;
import com.userimages.testing.SlotUploads;
import com.userimages.testing.TestApi;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Appending uploads: checked bytes only, nothing left under images/ that no collection holds. */
@ExtendWith(DynamoDbExtension.class)
class AppendUploadsTest {
    private static final byte[] PNG = SlotUploads.png(200);
    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();
    private final S3Client s3 = ObjectStoreEngine.client();
    private final CollectionRepository repository = DynamoDbExtension.components().collectionRepository();

    private String collection() {
        return created(api, user, cid -> "{\"imagesCollectionId\":\"" + cid + "\",\"images\":[{\"url\":\"https://o.example/a.jpg\"}]}");
    }

    /** A slot, and the client's PUT of {@code bytes} to it; returns the slot. */
    private JsonNode uploaded(String cid, byte[] bytes, String declaredType) throws Exception {
        JsonNode slot = expect(201, api.openUpload(user, cid, "{\"contentType\":\"" + declaredType + "\",\"bytes\":" + bytes.length + "}"));
        HttpResponse<String> put = SlotUploads.put(slot, bytes, slot.get("headers").get("Content-Type").asText());
        assertEquals(200, put.statusCode(), put.body());
        return slot;
    }

    private static String entry(JsonNode slot) {
        return "{\"imageId\":\"" + slot.get("imageId").asText() + "\",\"uploadId\":\"" + slot.get("uploadId").asText() + "\"}";
    }

    private static String body(String... entries) {
        return "{\"images\":[" + String.join(",", entries) + "]}";
    }

    private Set<String> keysUnder(String prefix) {
        return s3.listObjectsV2Paginator(r -> r.bucket(ObjectStoreEngine.BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key).collect(Collectors.toSet());
    }

    private String pendingKey(String cid, JsonNode slot) {
        return "uploads/" + ObjectKeys.userKey(user) + "/" + cid + "/" + slot.get("imageId").asText() + "/" + slot.get("uploadId").asText();
    }

    /** Every object under this user's images/ prefix is held by one of the collections, and the reverse. */
    private void assertNoOrphans(String... collectionIds) {
        Set<String> held = new java.util.HashSet<>();
        for (String cid : collectionIds) {
            repository.get(user, cid).ifPresent(c -> c.images().forEach(i -> ObjectKeys.imageKeyOf(i.url()).ifPresent(held::add)));
        }
        assertEquals(held, keysUnder("images/" + ObjectKeys.userKey(user) + "/"), "images/ holds exactly what the collections reference");
    }

    @Test
    void anUploadIsCheckedCopiedAppendedAndItsPendingObjectDeleted() throws Exception {
        String cid = collection();
        JsonNode slot = uploaded(cid, PNG, "image/png");
        JsonNode result = expect(200, api.append(user, cid, body(entry(slot), "{\"url\":\"https://o.example/b.jpg\"}")));
        assertEquals(2, result.get("appended").asInt());
        assertEquals(3, result.get("imageCount").asInt());
        List<ImageRef> images = repository.get(user, cid).orElseThrow().images();
        ImageRef stored = images.get(1);
        assertEquals(slot.get("imageId").asText(), stored.imageId());
        assertEquals("s3:images/" + ObjectKeys.userKey(user) + "/" + cid + "/" + stored.imageId() + "/" + slot.get("uploadId").asText(), stored.url());
        assertEquals(new UploadedFile("image/png", 200), stored.upload());
        assertEquals("https://o.example/b.jpg", images.get(2).url(), "URLs and uploads mixed, in the request's order");
        assertEquals(Set.of(), keysUnder(pendingKey(cid, slot)), "the pending object is deleted after the append");
        assertEquals("image/png", s3.headObject(r -> r.bucket(ObjectStoreEngine.BUCKET).key(ObjectKeys.imageKeyOf(stored.url()).orElseThrow())).contentType());
        assertNoOrphans(cid);
    }

    @Test
    void theRequestLineCountsObjectsLeftBehindAsOrphaned() throws Exception {
        java.util.List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();
        String cid = collection();
        JsonNode slot = uploaded(cid, PNG, "image/png");
        TestApi logged = new TestApi(DynamoDbExtension.componentsBuilder().requestLogSink(lines::add).build());
        expect(200, logged.append(user, cid, body(entry(slot))));
        JsonNode line = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines.getLast());
        assertEquals(0, line.get("orphanedObjects").asInt());
        assertEquals(0, line.get("OrphanedObjects").asInt());
        assertTrue(line.at("/_aws/CloudWatchMetrics/0/Metrics").toString().contains("\"OrphanedObjects\""), line.toString());
    }

    @Test
    void anUploadAppendedAgainIsARetryThatTouchesNoObject() throws Exception {
        String cid = collection();
        JsonNode slot = uploaded(cid, PNG, "image/png");
        expect(200, api.append(user, cid, body(entry(slot))));
        JsonNode again = expect(200, api.append(user, cid, body(entry(slot))));
        assertEquals(0, again.get("appended").asInt());
        assertEquals(2, again.get("imageCount").asInt());
        assertNoOrphans(cid);
    }

    @Test
    void theSameUploadAppendedConcurrentlyIsStoredOnceAndLeavesNoOrphan() throws Exception {
        String cid = collection();
        JsonNode slot = uploaded(cid, PNG, "image/png");
        List<CompletableFuture<APIGatewayV2HTTPResponse>> racing = new ArrayList<>();
        for (int i = 0; i < 4; i++) racing.add(CompletableFuture.supplyAsync(() -> new TestApi().append(user, cid, body(entry(slot)))));
        int appended = 0;
        for (CompletableFuture<APIGatewayV2HTTPResponse> r : racing) {
            APIGatewayV2HTTPResponse response = r.join();
            assertEquals(200, response.getStatusCode(), response.getBody());
            appended += expect(200, response).get("appended").asInt();
        }
        assertEquals(1, appended, "one of them appended it, the others found it there");
        assertEquals(2, repository.get(user, cid).orElseThrow().images().size());
        assertNoOrphans(cid);
    }

    @Test
    void markupDeclaredAsAnImageIsInvalidAndDeletedAndNothingIsAppended() throws Exception {
        String cid = collection();
        JsonNode good = uploaded(cid, PNG, "image/png");
        JsonNode svg = uploaded(cid, "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8), "image/png");
        JsonNode html = uploaded(cid, "<!DOCTYPE html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "image/gif");
        JsonNode truncated = uploaded(cid, Arrays.copyOf(PNG, 5), "image/png");
        for (JsonNode bad : List.of(svg, html, truncated)) {
            expectError(422, "UPLOAD_INVALID", api.append(user, cid, body(entry(good), entry(bad))));
            assertEquals(Set.of(), keysUnder(pendingKey(cid, bad)), "the invalid object is deleted");
        }
        assertEquals(1, repository.get(user, cid).orElseThrow().images().size(), "nothing appended");
        assertTrue(!keysUnder(pendingKey(cid, good)).isEmpty(), "the good upload is still pending, for a corrected request");
        assertNoOrphans(cid);
    }

    @Test
    void anUploadNeverPutOrMadeForAnotherCollectionIsMissing() throws Exception {
        String cid = collection();
        String other = collection();
        JsonNode never = expect(201, api.openUpload(user, cid, "{\"contentType\":\"image/png\",\"bytes\":200}"));
        expectError(409, "UPLOAD_MISSING", api.append(user, cid, body(entry(never))));
        JsonNode elsewhere = uploaded(other, PNG, "image/png");
        expectError(409, "UPLOAD_MISSING", api.append(user, cid, body(entry(elsewhere))));
        assertTrue(!keysUnder(pendingKey(other, elsewhere)).isEmpty(), "another collection's upload is left alone");
        assertNoOrphans(cid, other);
    }

    @Test
    void anotherUsersCollectionIsNotFoundAndTheirUploadIsNotReachable() throws Exception {
        String cid = collection();
        JsonNode slot = uploaded(cid, PNG, "image/png");
        String mallory = TestApi.newUser();
        String theirs = created(api, mallory, c -> "{\"imagesCollectionId\":\"" + c + "\",\"images\":[]}");
        expectError(404, "COLLECTION_NOT_FOUND", api.append(mallory, cid, body(entry(slot))));
        // Naming the victim's upload on one's own collection finds nothing: keys carry the caller's user key.
        expectError(409, "UPLOAD_MISSING", api.append(mallory, theirs, body(entry(slot))));
        assertTrue(!keysUnder(pendingKey(cid, slot)).isEmpty());
    }

    @Test
    void aRefusedAppendDeletesTheCopiesItMade() throws Exception {
        String cid = collection();
        JsonNode slot = uploaded(cid, PNG, "image/png");
        expectError(412, "PRECONDITION_FAILED", api.appendWith(user, cid, body(entry(slot)), "if-match", "\"99.abcdefgh\""));
        assertNoOrphans(cid);
        assertTrue(!keysUnder(pendingKey(cid, slot)).isEmpty(), "still pending: the request may be corrected and sent again");
        expect(200, api.append(user, cid, body(entry(slot))));
        assertNoOrphans(cid);
    }

    @Test
    void anImageIdTheCollectionHasWithAnotherUrlIsAConflictBeforeAnyCopy() throws Exception {
        String cid = collection();
        String taken = repository.get(user, cid).orElseThrow().images().getFirst().imageId();
        JsonNode slot = uploaded(cid, PNG, "image/png");
        String reused = "{\"imageId\":\"" + taken + "\",\"uploadId\":\"" + slot.get("uploadId").asText() + "\"}";
        expectError(409, "IMAGE_ID_CONFLICT", api.append(user, cid, body(reused)));
        assertNoOrphans(cid);
    }

    @Test
    void elevenUploadsOrMalformedUploadEntriesAreBadRequests() throws Exception {
        String cid = collection();
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) eleven.add("{\"imageId\":\"" + id() + "\",\"uploadId\":\"0123456789abcdefghjkmnpqrs\"}");
        expectError(400, "TOO_MANY_IMAGES", api.append(user, cid, body(eleven.toArray(String[]::new))));
        expectError(400, "INVALID_BODY", api.append(user, cid, body("{\"imageId\":\"" + id() + "\",\"uploadId\":\"../../../x\"}")));
        expectError(400, "INVALID_BODY", api.append(user, cid, body("{\"uploadId\":\"0123456789abcdefghjkmnpqrs\"}")));
        expectError(400, "INVALID_BODY", api.append(user, cid,
                body("{\"imageId\":\"" + id() + "\",\"uploadId\":\"0123456789abcdefghjkmnpqrs\",\"url\":\"https://o.example/x\"}")));
        expectError(400, "UNKNOWN_FIELD", api.create(user, "{\"images\":[{\"imageId\":\"" + id() + "\",\"uploadId\":\"0123456789abcdefghjkmnpqrs\"}]}"));
    }

    @Test
    void racingAppendsAndDeletesLeaveNoObjectThatNoCollectionHolds() throws Exception {
        for (int round = 0; round < 6; round++) {
            String cid = collection();
            JsonNode first = uploaded(cid, PNG, "image/png");
            JsonNode second = uploaded(cid, PNG, "image/png");
            String imageId = repository.get(user, cid).orElseThrow().images().getFirst().imageId();
            List<CompletableFuture<APIGatewayV2HTTPResponse>> racing = List.of(
                    CompletableFuture.supplyAsync(() -> new TestApi().append(user, cid, body(entry(first)))),
                    CompletableFuture.supplyAsync(() -> new TestApi().append(user, cid, body(entry(second)))),
                    CompletableFuture.supplyAsync(() -> new TestApi().deleteImage(user, cid, imageId)),
                    CompletableFuture.supplyAsync(() -> new TestApi().deleteCollection(user, cid)));
            for (CompletableFuture<APIGatewayV2HTTPResponse> r : racing) {
                int status = r.join().getStatusCode();
                assertTrue(status < 500, "no 5xx in the race: " + r.join().getBody());
            }
            assertTrue(repository.get(user, cid).isEmpty(), "the collection delete won in the end or came last");
            assertEquals(Set.of(), keysUnder("images/" + ObjectKeys.userKey(user) + "/" + cid + "/"), "round " + round);
        }
    }
}
