package com.userimages.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.userimages.client.api.AppendCollectionApi;
import com.userimages.client.api.DeleteItemApi;
import com.userimages.client.api.GetItemApi;
import com.userimages.client.api.ListPageApi;
import com.userimages.client.model.AppendImagesRequest;
import com.userimages.client.model.Collection;
import com.userimages.client.model.CreateCollectionRequest;
import com.userimages.client.model.Image;
import com.userimages.client.model.AppendImagesRequestImagesInner;
import com.userimages.client.model.ImageInput;
import com.userimages.client.model.ListPage;
import com.userimages.client.model.ListedCollection;
import com.userimages.client.model.ReorderRequest;
import com.userimages.local.cli.LocalProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The client generated from openapi.yaml, end to end against the real local server (its own JVM,
 * started as a user starts it): create, append, get with its ETag, every page, reorder, delete.
 * A document a generator cannot use, or that disagrees with the server, fails here.
 */
class GeneratedClientIT {
    private static LocalProcess server;
    private static URI base;
    private static ApiClient client;

    @BeforeAll
    static void startTheLocalServer() throws Exception {
        server = LocalProcess.launch(List.of("--port", "0"));
        base = server.awaitBaseUrl();
        String token = developmentToken("client-" + UUID.randomUUID());
        client = new ApiClient();
        client.updateBaseUri(base.toString());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
    }

    @AfterAll
    static void stop() throws Exception {
        if (server == null) return;
        // SIGTERM, as a user's kill: the server stops its engines before it exits.
        server.terminate();
    }

    @Test
    void createAppendGetListReorderDelete() throws Exception {
        AppendCollectionApi writes = new AppendCollectionApi(client);
        GetItemApi reads = new GetItemApi(client);
        ListPageApi listing = new ListPageApi(client);
        DeleteItemApi deletes = new DeleteItemApi(client);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        ApiResponse<Collection> created = writes.createCollectionWithHttpInfo(new CreateCollectionRequest()
                .timestamp("2026-03-01T12:00:00+01:00")
                .images(List.of(new ImageInput().imageId(first).url(URI.create("https://client.example/1.png")))), null, "*");
        assertEquals(201, created.getStatusCode());
        String id = created.getData().getImagesCollectionId().toString();
        assertEquals("/collections/" + id, header(created, "location"));
        assertEquals("2026-03-01T11:00Z", created.getData().getTimestamp().toString(), "stored in UTC");

        var appended = writes.appendImagesWithHttpInfo(id, new AppendImagesRequest()
                .images(List.of(new AppendImagesRequestImagesInner(new ImageInput().imageId(second).url(URI.create("https://client.example/2.png"))))), null, null);
        assertEquals(200, appended.getStatusCode());
        assertEquals(2, appended.getData().getImageCount());
        String etag = header(appended, "etag");

        ApiResponse<Collection> read = reads.getCollectionWithHttpInfo(id, null, null);
        assertEquals(etag, header(read, "etag"));
        assertEquals(List.of(first, second), imageIds(read.getData()));
        ApiException notModified = assertThrows(ApiException.class, () -> reads.getCollectionWithHttpInfo(id, null, etag));
        assertEquals(304, notModified.getCode(), "If-None-Match with the current ETag");

        List<String> listed = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            ListPage page = listing.listCollections(1, next, null, null, null, null);
            for (ListedCollection item : page.getItems()) listed.add(item.getImagesCollectionId().toString());
            next = page.getPagination().getNextToken();
            pages++;
        } while (next != null && pages < 100);
        assertEquals(List.of(id), listed, "the caller's one collection, over every page");

        Collection reordered = writes.reorderImages(id, new ReorderRequest().imageIds(List.of(second, first)), etag, null);
        assertEquals(List.of(second, first), imageIds(reordered));
        ApiException stale = assertThrows(ApiException.class, () -> deletes.deleteCollectionWithHttpInfo(id, etag, null));
        assertEquals(412, stale.getCode(), "the ETag from before the reorder is stale");

        var removed = deletes.deleteImage(id, first, null, null);
        assertEquals("1", removed.getRemoved().toString(), "one image removed");
        assertEquals(204, deletes.deleteCollectionWithHttpInfo(id, null, null).getStatusCode());
        ApiException gone = assertThrows(ApiException.class, () -> reads.getCollection(id, null, null));
        assertEquals(404, gone.getCode());
        assertTrue(gone.getResponseBody().contains("COLLECTION_NOT_FOUND"), gone.getResponseBody());
        assertNull(listing.listCollections(20, null, null, null, null, null).getPagination().getNextToken());
    }

    /** The generated client hands headers over as a map with lower-case names. */
    private static String header(ApiResponse<?> response, String name) {
        List<String> values = response.getHeaders().get(name);
        assertNotNull(values, name + " missing: " + response.getHeaders());
        return values.getFirst();
    }

    private static List<String> imageIds(Collection collection) {
        return collection.getImages().stream().map(Image::getImageId).map(Object::toString).toList();
    }

    private static String developmentToken(String sub) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> reply = http.send(HttpRequest.newBuilder(URI.create(base + "/local/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"" + sub + "\",\"scope\":\"images/user\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reply.statusCode(), reply.body());
            return new ObjectMapper().readTree(reply.body()).path("token").asText();
        }
    }
}
