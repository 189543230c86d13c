package com.userimages.handlers;

import static com.userimages.testing.Responses.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.core.storage.ObjectKeys;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.ObjectStoreEngine;
import com.userimages.testing.TestApi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Deleting uploaded images deletes their objects, after the write, and never fails the request. */
@ExtendWith(DynamoDbExtension.class)
class DeleteUploadsTest {
    private static final byte[] GIF = Arrays.copyOf("GIF89a".getBytes(), 64);
    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();

    private String collection() {
        return AppendCollectionHandlerTest.created(api, user, cid -> "{\"imagesCollectionId\":\"" + cid + "\",\"images\":[{\"url\":\"https://o.example/a.jpg\"}]}");
    }

    private String appendedUpload(String cid) throws Exception {
        JsonNode slot = expect(201, api.openUpload(user, cid, "{\"contentType\":\"image/gif\",\"bytes\":" + GIF.length + "}"));
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(slot.get("uploadUrl").asText()))
                .header("Content-Type", "image/gif").PUT(HttpRequest.BodyPublishers.ofByteArray(GIF)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        String imageId = slot.get("imageId").asText();
        expect(200, api.append(user, cid, "{\"images\":[{\"imageId\":\"" + imageId + "\",\"uploadId\":\"" + slot.get("uploadId").asText() + "\"}]}"));
        return imageId;
    }

    private Set<String> imageObjects() {
        return ObjectStoreEngine.client().listObjectsV2Paginator(r -> r.bucket(ObjectStoreEngine.BUCKET).prefix("images/" + ObjectKeys.userKey(user) + "/"))
                .contents().stream().map(S3Object::key).collect(Collectors.toSet());
    }

    @Test
    void deletingAnUploadedImageDeletesItsObjectAndAnExternalOneTouchesNone() throws Exception {
        String cid = collection();
        String uploaded = appendedUpload(cid);
        String kept = appendedUpload(cid);
        assertEquals(2, imageObjects().size());
        expect(200, api.deleteImage(user, cid, uploaded));
        assertEquals(1, imageObjects().size(), "the removed image's object is gone, the other stays");
        String external = new ArrayList<>(List.of(expect(200, api.get(user, cid)).get("images").get(0).get("imageId").asText())).getFirst();
        expect(200, api.deleteImage(user, cid, external));
        assertEquals(1, imageObjects().size());
        assertTrue(imageObjects().stream().allMatch(k -> k.contains("/" + kept + "/")));
    }

    @Test
    void deletingACollectionDeletesEveryObjectItHeldAndCountsNoneLeft() throws Exception {
        String cid = collection();
        for (int i = 0; i < 3; i++) appendedUpload(cid);
        String other = collection();
        appendedUpload(other);
        List<String> lines = new CopyOnWriteArrayList<>();
        TestApi logged = new TestApi(DynamoDbExtension.componentsBuilder().requestLogSink(lines::add).build());
        assertEquals(204, logged.deleteCollection(user, cid).getStatusCode());
        assertEquals(1, imageObjects().size(), "only the other collection's object is left");
        assertTrue(imageObjects().iterator().next().contains("/" + other + "/"));
        assertTrue(lines.getLast().contains("\"orphanedObjects\":0"), lines.getLast());
    }

    @Test
    void objectsThatCannotBeDeletedAreCountedAndTheDeleteStillSucceeds() throws Exception {
        String cid = collection();
        appendedUpload(cid);
        List<String> lines = new CopyOnWriteArrayList<>();
        // Another bucket than the one the objects are in: every delete fails, as a denied one would.
        TestApi elsewhere = new TestApi(com.userimages.wiring.FunctionComponents.builder(DynamoDbExtension.settings()
                        .with(com.userimages.contract.Setting.IMAGES_BUCKET, "no-such-bucket-" + user.substring(5, 13)))
                .dynamoDb(DynamoDbExtension.client()).credentials(DynamoDbExtension.credentialsProvider()).requestLogSink(lines::add).build());
        assertEquals(204, elsewhere.deleteCollection(user, cid).getStatusCode());
        assertTrue(lines.getLast().contains("\"orphanedObjects\":1"), lines.getLast());
        assertTrue(lines.getLast().contains("\"OrphanedObjects\":1"), lines.getLast());
    }
}
