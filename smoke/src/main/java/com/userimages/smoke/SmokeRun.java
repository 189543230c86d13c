package com.userimages.smoke;

import static com.userimages.smoke.ApiClient.headers;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One walk through every route, in the order a client uses them, each reply checked against API.md:
 * status, the headers that matter (ETag, Location, Content-Type) and the body's shape. Whatever
 * happens, the collection it created is deleted at the end: a stage is left as it was found.
 */
final class SmokeRun {
    /** A strong entity tag, as every collection response carries one. */
    private static final Pattern STRONG_ETAG = Pattern.compile("\"[0-9A-Za-z.]{1,64}\"");
    /** The smallest PNG header the append's check accepts, padded: what the upload steps send. */
    private static final byte[] PNG = java.util.Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 96);

    /** One named check; its failure stops the walk (later steps depend on earlier ones). */
    record Step(String name, Runnable action) {}

    private final ApiClient api;
    private final String token;
    private final PrintStream out;
    private final String collectionId = UUID.randomUUID().toString();
    /**
     * Fixed once: the replay must send the create's very fields, and a timestamp taken per request
     * differs when a second ticks between the two (a 409 for other content, not the 200 of a replay).
     */
    private final String createTimestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    private final String firstImage = UUID.randomUUID().toString();
    private final String secondImage = UUID.randomUUID().toString();
    private boolean created;
    private boolean deleted;
    private String etag;
    private JsonNode slot;
    private URI imageUrl;

    SmokeRun(ApiClient api, String token, PrintStream out) {
        this.api = api;
        this.token = token;
        this.out = out;
    }

    String collectionId() {
        return collectionId;
    }

    /** @return the number of steps that passed; throws on the first that did not, after cleaning up */
    int run(List<Step> extraSteps) {
        List<Step> steps = new ArrayList<>(steps());
        // Extra steps run after the collection exists and before it is deleted (tests of the clean-up use this).
        steps.addAll(3, extraSteps);
        int passed = 0;
        try {
            for (Step step : steps) {
                step.action().run();
                passed++;
                out.println("ok   " + step.name());
            }
            return passed;
        } catch (SmokeFailure failure) {
            out.println("FAIL " + steps.get(passed).name() + ": " + failure.getMessage());
            throw failure;
        } finally {
            cleanUp();
        }
    }

    List<Step> steps() {
        String collection = "/collections/" + collectionId;
        return List.of(
                new Step("GET /collections without a token is 401", () -> {
                    ApiClient.Reply reply = api.send("GET", "/collections", null);
                    expect(401, reply);
                }),
                new Step("POST /collections (If-None-Match: *) creates it: 201, Location, ETag", () -> {
                    ApiClient.Reply reply = api.send("POST", "/collections", token, createBody(), headers("If-None-Match", "*"));
                    expect(201, reply);
                    created = true;
                    expectJson(reply);
                    expectEquals(collection, reply.header("Location").orElse(null), "Location");
                    etag = strongEtag(reply);
                    expectEquals(collectionId, reply.json().path("imagesCollectionId").asText(), "imagesCollectionId");
                    expectEquals(1, reply.json().path("imageCount").asInt(), "imageCount");
                }),
                new Step("POST /collections again is a replay: 200, nothing duplicated", () -> {
                    ApiClient.Reply reply = api.send("POST", "/collections", token, createBody(), Map.of());
                    expect(200, reply);
                    expectEquals(1, reply.json().path("imageCount").asInt(), "imageCount");
                }),
                new Step("POST " + "/collections/{id}/images (If-Match) appends: 200, a new ETag", () -> {
                    String body = "{\"images\":[{\"imageId\":\"" + secondImage + "\",\"url\":\"https://smoke.example/2.png\"}]}";
                    ApiClient.Reply reply = api.send("POST", collection + "/images", token, body, headers("If-Match", etag));
                    expect(200, reply);
                    expectEquals(1, reply.json().path("appended").asInt(), "appended");
                    expectEquals(2, reply.json().path("imageCount").asInt(), "imageCount");
                    String next = strongEtag(reply);
                    if (next.equals(etag)) throw new SmokeFailure("the ETag did not change with the append: " + next);
                    etag = next;
                }),
                new Step("POST /collections/{id}/images with a stale If-Match is 412", () -> {
                    String body = "{\"images\":[{\"url\":\"https://smoke.example/stale.png\"}]}";
                    ApiClient.Reply reply = api.send("POST", collection + "/images", token, body, headers("If-Match", "\"0.00000000\""));
                    expect(412, reply);
                    expectEquals("PRECONDITION_FAILED", reply.json().path("error").path("code").asText(), "error.code");
                }),
                new Step("GET /collections/{id}: 200, the ETag of the last write, images in order", () -> {
                    ApiClient.Reply reply = api.send("GET", collection, token);
                    expect(200, reply);
                    expectJson(reply);
                    expectEquals(etag, reply.header("ETag").orElse(null), "ETag");
                    expectImages(reply.json(), firstImage, secondImage);
                }),
                new Step("GET /collections/{id} with If-None-Match of that ETag is 304, no body", () -> {
                    ApiClient.Reply reply = api.send("GET", collection, token, null, headers("If-None-Match", etag));
                    expect(304, reply);
                    expectEquals(etag, reply.header("ETag").orElse(null), "ETag");
                    if (!reply.body().isEmpty()) throw new SmokeFailure("a 304 with a body: " + reply);
                }),
                new Step("GET /collections/{id}/images/{imageId}: 200, its position", () -> {
                    ApiClient.Reply reply = api.send("GET", collection + "/images/" + secondImage, token);
                    expect(200, reply);
                    expectEquals(1, reply.json().path("position").asInt(), "position");
                    expectEquals(etag, reply.header("ETag").orElse(null), "ETag");
                }),
                new Step("GET /collections, every page (limit=1): the collection once", this::walkEveryPage),
                new Step("PUT /collections/{id}/order (If-Match) reorders: 200", () -> {
                    String body = "{\"imageIds\":[\"" + secondImage + "\",\"" + firstImage + "\"]}";
                    ApiClient.Reply reply = api.send("PUT", collection + "/order", token, body, headers("If-Match", etag));
                    expect(200, reply);
                    expectImages(reply.json(), secondImage, firstImage);
                    etag = strongEtag(reply);
                }),
                new Step("DELETE /collections/{id}/images/{imageId}: 200, one removed", () -> {
                    ApiClient.Reply reply = api.send("DELETE", collection + "/images/" + firstImage, token, null, headers("If-Match", etag));
                    expect(200, reply);
                    expectEquals(1, reply.json().path("removed").asInt(), "removed");
                    expectEquals(1, reply.json().path("imageCount").asInt(), "imageCount");
                    etag = strongEtag(reply);
                }),
                new Step("POST /collections/{id}/uploads: 201, a presigned PUT of the declared type", () -> {
                    String body = "{\"contentType\":\"image/png\",\"bytes\":" + PNG.length + "}";
                    ApiClient.Reply reply = api.send("POST", collection + "/uploads", token, body, Map.of());
                    expect(201, reply);
                    expectEquals("PUT", reply.json().path("method").asText(), "method");
                    expectEquals("image/png", reply.json().path("headers").path("Content-Type").asText(), "headers.Content-Type");
                    expectEquals("no-store", reply.header("Cache-Control").orElse(null), "Cache-Control");
                    slot = reply.json();
                }),
                new Step("PUT the bytes to the upload URL: 200", () -> {
                    int status = api.sendTo("PUT", URI.create(slot.path("uploadUrl").asText()), PNG, headers("Content-Type", "image/png")).status();
                    expectEquals(200, status, "the PUT's status");
                }),
                new Step("POST /collections/{id}/images with the upload (If-Match): 200, one appended", () -> {
                    String body = "{\"images\":[{\"imageId\":\"" + slot.path("imageId").asText() + "\",\"uploadId\":\""
                            + slot.path("uploadId").asText() + "\"}]}";
                    ApiClient.Reply reply = api.send("POST", collection + "/images", token, body, headers("If-Match", etag));
                    expect(200, reply);
                    expectEquals(1, reply.json().path("appended").asInt(), "appended");
                    etag = strongEtag(reply);
                }),
                new Step("GET /collections/{id}: the upload as source upload, private cache, its URL serves the bytes", () -> {
                    ApiClient.Reply reply = api.send("GET", collection, token);
                    expect(200, reply);
                    JsonNode image = reply.json().path("images").path(1);
                    expectEquals(slot.path("imageId").asText(), image.path("imageId").asText(), "the uploaded image's id");
                    expectEquals("upload", image.path("source").asText(), "source");
                    expectEquals("image/png", image.path("contentType").asText(), "contentType");
                    expectEquals(PNG.length, image.path("bytes").asInt(), "bytes");
                    if (!reply.header("Cache-Control").orElse("").startsWith("private")) {
                        throw new SmokeFailure("Cache-Control of a body with presigned URLs: " + reply.header("Cache-Control").orElse("(none)"));
                    }
                    imageUrl = URI.create(image.path("url").asText());
                    ApiClient.Reply bytes = api.sendTo("GET", imageUrl, null, Map.of());
                    expectEquals(200, bytes.status(), "the presigned GET's status");
                    expectEquals(new String(PNG, StandardCharsets.ISO_8859_1), bytes.body(), "the bytes served");
                }),
                new Step("DELETE /collections/{id} (If-Match): 204, no body", () -> {
                    ApiClient.Reply reply = api.send("DELETE", collection, token, null, headers("If-Match", etag));
                    expect(204, reply);
                    deleted = true;
                    if (!reply.body().isEmpty()) throw new SmokeFailure("a 204 with a body: " + reply);
                }),
                new Step("GET /collections/{id} after the delete is 404", () -> {
                    ApiClient.Reply reply = api.send("GET", collection, token);
                    expect(404, reply);
                    expectEquals("COLLECTION_NOT_FOUND", reply.json().path("error").path("code").asText(), "error.code");
                }),
                new Step("the uploaded image's URL serves nothing after the delete", () -> {
                    int status = api.sendTo("GET", imageUrl, null, Map.of()).status();
                    if (status == 200) throw new SmokeFailure("the deleted collection's object is still served");
                }));
    }

    private String createBody() {
        return "{\"imagesCollectionId\":\"" + collectionId + "\",\"timestamp\":\"" + createTimestamp + "\",\"images\":[{\"imageId\":\""
                + firstImage + "\",\"url\":\"https://smoke.example/1.png\"}]}";
    }

    private void walkEveryPage() {
        int seen = 0;
        int pages = 0;
        String next = null;
        do {
            String path = "/collections?limit=1" + (next == null ? "" : "&nextToken=" + next);
            ApiClient.Reply reply = api.send("GET", path, token);
            expect(200, reply);
            JsonNode page = reply.json();
            JsonNode pagination = page.path("pagination");
            if (!pagination.isObject()) throw new SmokeFailure("a page without pagination: " + reply);
            boolean partial = pagination.path("partial").asBoolean();
            int count = page.path("count").asInt();
            if (count != page.path("items").size()) throw new SmokeFailure("count is not the number of items: " + reply);
            next = pagination.path("nextToken").isTextual() ? pagination.path("nextToken").asText() : null;
            if (!partial && next != null && count != 1) throw new SmokeFailure("a full page that is not the last holds " + count + " items");
            for (JsonNode item : page.path("items")) if (item.path("imagesCollectionId").asText().equals(collectionId)) seen++;
            if (++pages > 10_000) throw new SmokeFailure("more than 10,000 pages: the walk does not end");
        } while (next != null);
        expectEquals(1, seen, "times the collection was listed");
    }

    private void cleanUp() {
        if (!created || deleted) return;
        ApiClient.Reply reply = api.send("DELETE", "/collections/" + collectionId, token);
        out.println((reply.status() == 204 || reply.status() == 404 ? "ok   " : "FAIL ") + "clean-up: DELETE the smoke collection -> " + reply.status());
    }

    private static void expect(int status, ApiClient.Reply reply) {
        if (reply.status() != status) throw new SmokeFailure("expected " + status + ", got " + reply);
    }

    private static void expectJson(ApiClient.Reply reply) {
        String type = reply.header("Content-Type").orElse("");
        if (!type.toLowerCase().startsWith("application/json")) throw new SmokeFailure("Content-Type is " + type + ", not JSON");
    }

    private static String strongEtag(ApiClient.Reply reply) {
        Optional<String> etag = reply.header("ETag");
        if (etag.isEmpty() || !STRONG_ETAG.matcher(etag.get()).matches()) {
            throw new SmokeFailure("no strong ETag: " + etag.orElse("(none)"));
        }
        return etag.get();
    }

    private static void expectImages(JsonNode collection, String... ids) {
        JsonNode images = collection.path("images");
        List<String> actual = new ArrayList<>();
        for (JsonNode image : images) actual.add(image.path("imageId").asText());
        expectEquals(List.of(ids), actual, "image order");
    }

    private static void expectEquals(Object expected, Object actual, String what) {
        if (!expected.equals(actual)) throw new SmokeFailure(what + ": expected " + expected + ", got " + actual);
    }
}
