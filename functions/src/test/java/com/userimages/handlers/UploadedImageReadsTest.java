package com.userimages.handlers;

import static com.userimages.handlers.AppendCollectionHandlerTest.created;
import static com.userimages.handlers.AppendCollectionHandlerTest.id;
import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.Setting;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.UploadedFile;
import com.userimages.core.storage.ObjectKeys;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.Responses;
import com.userimages.testing.TestApi;
import com.userimages.testing.UploadedImages;
import com.userimages.wiring.FunctionComponents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reads of uploaded images (API.md, "Uploads"): both GETs, the listing, create's replay and reorder
 * give an uploaded image as a presigned GET of its object, signed at read time, with its type, size
 * and the URL's expiry, and such responses carry {@code Cache-Control: private, max-age=840}; URL-only
 * responses are as they were and never build the signer.
 */
@ExtendWith(DynamoDbExtension.class)
class UploadedImageReadsTest {
    private static final String CACHE_CONTROL = "private, max-age=840";
    private static final byte[] PNG = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3}, 300);
    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();
    private final HttpClient http = HttpClient.newHttpClient();

    private String collectionWithOneUrl(String cid, String imageId) {
        return "{\"imagesCollectionId\":\"" + cid + "\",\"images\":[{\"imageId\":\"" + imageId + "\",\"url\":\"https://o.example/1.png\"}]}";
    }

    private byte[] fetch(String url) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), () -> "GET " + url + ": " + new String(response.body()));
        return response.body();
    }

    /** The presigned GET of the element's key, for the default DOWNLOAD_URL_SECONDS, without the raw sub. */
    private void assertPresigned(ImageRef element, String url) {
        String key = ObjectKeys.imageKeyOf(element.url()).orElseThrow();
        assertTrue(url.contains("/" + key + "?"), url);
        assertTrue(url.contains("X-Amz-Expires=900"), url);
        assertTrue(url.contains("X-Amz-Signature="), url);
        assertFalse(url.startsWith("s3:"), url);
        assertFalse(url.contains(user), "never the raw sub in a URL");
    }

    private static void assertUploaded(ImageRef element, JsonNode image, Instant before) {
        assertEquals(element.imageId(), image.get("imageId").asText());
        assertEquals("upload", image.get("source").asText());
        assertEquals(element.upload().contentType(), image.get("contentType").asText());
        assertEquals(element.upload().bytes(), image.get("bytes").asLong());
        Instant expires = Instant.parse(image.get("urlExpiresAt").asText());
        assertTrue(!expires.isBefore(before.plusSeconds(899)) && !expires.isAfter(Instant.now().plusSeconds(900)), expires.toString());
    }

    @Test
    void getGivesAnUploadedImageAsAPresignedGetThatServesItsBytesAndTheExternalOneAsBefore() throws Exception {
        String cid = id(), external = id();
        expect(201, api.create(user, collectionWithOneUrl(cid, external)));
        ImageRef uploaded = UploadedImages.append(user, cid, "image/png", PNG);
        Instant before = Instant.now();

        APIGatewayV2HTTPResponse response = api.get(user, cid);
        JsonNode body = expect(200, response);
        assertEquals(CACHE_CONTROL, response.getHeaders().get("cache-control"));
        assertEquals(2, body.get("imageCount").asInt());
        JsonNode first = body.get("images").get(0);
        assertEquals(3, first.size(), "an external image: imageId, url, source only: " + first);
        assertEquals("https://o.example/1.png", first.get("url").asText());
        assertEquals("url", first.get("source").asText());
        JsonNode second = body.get("images").get(1);
        assertUploaded(uploaded, second, before);
        assertPresigned(uploaded, second.get("url").asText());
        assertArrayEquals(PNG, fetch(second.get("url").asText()), "the URL serves the object's bytes");

        APIGatewayV2HTTPResponse one = api.getImage(user, cid, uploaded.imageId());
        JsonNode image = expect(200, one);
        assertEquals(CACHE_CONTROL, one.getHeaders().get("cache-control"));
        assertEquals(1, image.get("position").asInt());
        assertEquals(cid, image.get("imagesCollectionId").asText());
        assertUploaded(uploaded, image, before);
        assertPresigned(uploaded, image.get("url").asText());
        assertArrayEquals(PNG, fetch(image.get("url").asText()));

        APIGatewayV2HTTPResponse externalImage = api.getImage(user, cid, external);
        assertEquals("url", expect(200, externalImage).get("source").asText());
        assertNull(externalImage.getHeaders().get("cache-control"), "only the URLs a body holds make it short-lived");
    }

    @Test
    void urlOnlyResponsesCarryNoCacheControlAndNeverBuildTheSigner() {
        // No images bucket at all: a URL-only read must not need one.
        FunctionComponents noBucket = FunctionComponents.builder(DynamoDbExtension.settings().with(Setting.IMAGES_BUCKET, ""))
                .dynamoDb(DynamoDbExtension.client()).credentials(DynamoDbExtension.credentialsProvider()).build();
        TestApi urlOnly = new TestApi(noBucket);
        String cid = id(), imageId = id();
        APIGatewayV2HTTPResponse createdResponse = urlOnly.create(user, collectionWithOneUrl(cid, imageId));
        expect(201, createdResponse);
        assertNull(createdResponse.getHeaders().get("cache-control"));
        for (APIGatewayV2HTTPResponse response : List.of(urlOnly.get(user, cid), urlOnly.getImage(user, cid, imageId), urlOnly.list(user),
                urlOnly.reorder(user, cid, "{\"imageIds\":[\"" + imageId + "\"]}"))) {
            expect(200, response);
            assertNull(response.getHeaders().get("cache-control"), response.getHeaders().toString());
        }
        assertEquals("url", Responses.body(urlOnly.get(user, cid)).at("/images/0/source").asText());
        assertEquals("https://o.example/1.png", Responses.body(urlOnly.list(user)).at("/items/0/coverUrl").asText());

        // The same wiring asked for an uploaded image fails as the server's error: it has no bucket to sign for.
        UploadedImages.append(user, cid, "image/png", PNG);
        expectError(500, "INTERNAL_ERROR", urlOnly.get(user, cid));
    }

    @Test
    void aListingPresignsAnUploadedCover() throws Exception {
        String uploadedCover = created(api, user, c -> "{\"imagesCollectionId\":\"" + c + "\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"images\":[]}");
        ImageRef cover = UploadedImages.append(user, uploadedCover, "image/png", PNG);
        String external = created(api, user, c -> "{\"imagesCollectionId\":\"" + c + "\",\"timestamp\":\"2026-01-02T00:00:00Z\",\"images\":"
                + "[{\"url\":\"https://o.example/cover.png\"}]}");

        APIGatewayV2HTTPResponse response = api.list(user, "order", "asc");
        JsonNode items = expect(200, response).get("items");
        assertEquals(CACHE_CONTROL, response.getHeaders().get("cache-control"));
        assertEquals(uploadedCover, items.get(0).get("imagesCollectionId").asText());
        String coverUrl = items.get(0).get("coverUrl").asText();
        assertPresigned(cover, coverUrl);
        assertArrayEquals(PNG, fetch(coverUrl));
        assertEquals(external, items.get(1).get("imagesCollectionId").asText());
        assertEquals("https://o.example/cover.png", items.get(1).get("coverUrl").asText());
        assertEquals(4, items.get(0).size(), "the listing's fields, no more: " + items.get(0));

        APIGatewayV2HTTPResponse urlCoversOnly = api.list(user, "order", "desc", "limit", "1");
        assertEquals(external, expect(200, urlCoversOnly).at("/items/0/imagesCollectionId").asText());
        assertNull(urlCoversOnly.getHeaders().get("cache-control"), "a page without an uploaded cover is cacheable as before");
    }

    @Test
    void createsReplayAndReorderAnswerTheCollectionAsGetDoes() throws Exception {
        String cid = id(), external = id();
        String body = collectionWithOneUrl(cid, external);
        expect(201, api.create(user, body));
        ImageRef uploaded = UploadedImages.append(user, cid, "image/png", PNG);
        Instant before = Instant.now();

        APIGatewayV2HTTPResponse replay = api.create(user, body);
        JsonNode replayed = expect(200, replay);
        assertEquals(CACHE_CONTROL, replay.getHeaders().get("cache-control"));
        assertUploaded(uploaded, replayed.get("images").get(1), before);
        assertArrayEquals(PNG, fetch(replayed.at("/images/1/url").asText()));

        APIGatewayV2HTTPResponse reorder = api.reorder(user, cid, "{\"imageIds\":[\"" + uploaded.imageId() + "\",\"" + external + "\"]}");
        JsonNode reordered = expect(200, reorder);
        assertEquals(CACHE_CONTROL, reorder.getHeaders().get("cache-control"));
        assertUploaded(uploaded, reordered.get("images").get(0), before);
        assertEquals("url", reordered.at("/images/1/source").asText());
        assertArrayEquals(PNG, fetch(reordered.at("/images/0/url").asText()));
        assertEquals(Responses.body(api.get(user, cid)).at("/images").size(), reordered.at("/images").size());
        // The cover is the upload now, and the listing presigns it.
        assertArrayEquals(PNG, fetch(Responses.body(api.list(user)).at("/items/0/coverUrl").asText()));
    }

    @Test
    void aRevalidationIs304WithTheETagAndTheCacheControlIts200Has() {
        String cid = id();
        expect(201, api.create(user, collectionWithOneUrl(cid, id())));
        ImageRef uploaded = UploadedImages.append(user, cid, "image/gif", PNG);
        APIGatewayV2HTTPResponse first = api.get(user, cid);
        expect(200, first);
        String etag = first.getHeaders().get("etag");

        for (APIGatewayV2HTTPResponse notModified : List.of(api.getWith(user, cid, "if-none-match", etag),
                api.getImageWith(user, cid, uploaded.imageId(), "if-none-match", "W/" + etag))) {
            assertEquals(304, notModified.getStatusCode());
            assertNull(notModified.getBody());
            assertEquals(etag, notModified.getHeaders().get("etag"));
            assertEquals(CACHE_CONTROL, notModified.getHeaders().get("cache-control"));
        }
        // The tag names the state, not the bytes: the same state answers the same tag with URLs signed anew.
        APIGatewayV2HTTPResponse again = api.get(user, cid);
        assertEquals(etag, again.getHeaders().get("etag"));
        assertEquals("upload", Responses.body(again).at("/images/1/source").asText());
    }

    @Test
    void anS3UrlThatIsNoImageKeyIsAnInternalErrorThatNamesNothing() {
        String cid = id();
        expect(201, api.create(user, collectionWithOneUrl(cid, id())));
        String broken = "s3:uploads/" + ObjectKeys.userKey(user) + "/elsewhere";
        ImageRef element = UploadedImages.appendElement(user, cid, new ImageRef(UUID.randomUUID().toString(), broken, new UploadedFile("image/png", 3)));
        for (APIGatewayV2HTTPResponse response : List.of(api.get(user, cid), api.getImage(user, cid, element.imageId()))) {
            expectError(500, "INTERNAL_ERROR", response);
            assertFalse(response.getBody().contains("s3:") || response.getBody().contains("uploads/"), response.getBody());
            assertNull(response.getHeaders().get("cache-control"));
        }

        String brokenCover = created(api, user, c -> "{\"imagesCollectionId\":\"" + c + "\",\"images\":[]}");
        UploadedImages.appendElement(user, brokenCover, new ImageRef(UUID.randomUUID().toString(), "s3:images/x", new UploadedFile("image/png", 3)));
        APIGatewayV2HTTPResponse listing = api.list(user);
        expectError(500, "INTERNAL_ERROR", listing);
        assertFalse(listing.getBody().contains("s3:"), listing.getBody());
    }
}
