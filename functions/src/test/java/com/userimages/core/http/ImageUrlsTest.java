package com.userimages.core.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.userimages.handlers.GetItemHandler;
import com.userimages.handlers.ListPageHandler;
import com.userimages.core.model.Collection;
import com.userimages.core.model.CollectionTag;
import com.userimages.core.model.ImageInCollection;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.ListedCollection;
import com.userimages.core.model.UploadedFile;
import com.userimages.core.pagination.ListPage;
import com.userimages.core.storage.ObjectKeys;
import com.userimages.core.storage.ObjectUrlSigner;
import com.userimages.core.storage.PresignedRequest;
import com.userimages.core.storage.UploadSettings;
import com.userimages.core.storage.UploadTarget;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class ImageUrlsTest {
    private static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    private static final String USER_KEY = ObjectKeys.userKey("user-a");
    private static final String COLLECTION = "6f0c2a4e-1b8e-4a53-9a57-0c6c1d2e3f40";
    private static final String IMAGE = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final String KEY = ObjectKeys.image(new UploadTarget(USER_KEY, COLLECTION, IMAGE, "0123456789abcdefghjkmnpqrs"));
    private static final UploadSettings SETTINGS = new UploadSettings(10, 10, Duration.ofMinutes(10), Duration.ofMinutes(15));

    private final AtomicInteger signersAskedFor = new AtomicInteger();
    private final ImageUrls urls = new ImageUrls(() -> {
        signersAskedFor.incrementAndGet();
        return new ObjectUrlSigner(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")),
                "images-bucket", "eu-west-1", Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));
    }, SETTINGS);

    @Test
    void primingBuildsTheSignerAndSignsWithoutAnyStoredUrl() {
        urls.prime();
        assertEquals(1, signersAskedFor.get(), "priming must reach the signer, or the snapshot holds none of its work");
    }

    @Test
    void anUploadedImagesUrlIsAGetOfItsKeyForTheDownloadValidity() {
        PresignedRequest get = urls.download(ObjectKeys.url(KEY));
        assertEquals("GET", get.method());
        assertEquals(NOW.plus(Duration.ofMinutes(15)), get.expiresAt());
        String url = get.url().toString();
        assertTrue(url.startsWith("https://images-bucket.s3.eu-west-1.amazonaws.com/" + KEY + "?"), url);
        assertTrue(url.contains("X-Amz-Expires=900"), url);
        assertTrue(url.contains("X-Amz-Date=20260501T120000Z"), url);
        assertEquals(1, signersAskedFor.get());
    }

    @ParameterizedTest
    @ValueSource(strings = {"s3:", "s3:images/", "s3:uploads/x", "s3:images/../uploads/a", "s3:https://evil.example/x", "s3:" + "images/x/y/z/w"})
    void anS3UrlThatIsNoImageKeyIsNeverSignedNorEchoed(String stored) {
        assertTrue(ImageUrls.namesObject(stored));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> urls.download(stored));
        String key = stored.substring(ObjectKeys.URL_PREFIX.length());
        assertTrue(key.isEmpty() || !refused.getMessage().contains(key), "the stored value is not in the message: " + refused.getMessage());
        assertEquals(0, signersAskedFor.get(), "nothing signed");
        Collection broken = new Collection(COLLECTION, "2026-05-01T12:00:00Z",
                List.of(new ImageRef(IMAGE, stored, new UploadedFile("image/png", 3))), new CollectionTag(1, "0"));
        assertThrows(IllegalStateException.class, () -> ResponseBodies.collection(broken, urls));
        assertThrows(IllegalStateException.class, () -> ResponseBodies.listPage(
                new ListPage(List.of(new ListedCollection(COLLECTION, "2026-05-01T12:00:00Z", 1, stored)), 20, null, false, 1, 1), urls));
    }

    @Test
    void anS3ElementWithoutItsTypeAndSizeFailsTheReadRatherThanAnswerHalfAnImage() {
        Collection broken = new Collection(COLLECTION, "2026-05-01T12:00:00Z", List.of(new ImageRef(IMAGE, ObjectKeys.url(KEY))),
                new CollectionTag(1, "0"));
        assertThrows(IllegalStateException.class, () -> ResponseBodies.collection(broken, urls));
    }

    @Test
    void externalUrlsAreNoObjectsAndAddNoHeader() {
        for (String external : new String[] {"https://a.example/s3:images/x", "http://s3.example/", null}) {
            assertFalse(ImageUrls.namesObject(external), external);
        }
        Map<String, String> base = Map.of("etag", "\"1.0\"");
        assertSame(base, urls.headers(base, Stream.of("https://a.example/1", null)));
        assertEquals(0, signersAskedFor.get(), "URL-only responses never build the signer");
    }

    @Test
    void anyObjectUrlAddsTheCacheControlOfPresignedUrls() {
        Map<String, String> headers = urls.headers(Map.of("etag", "\"1.0\""), Stream.of("https://a.example/1", ObjectKeys.url(KEY)));
        assertEquals(Map.of("etag", "\"1.0\"", "cache-control", "private, max-age=840"), headers);
        assertEquals(0, signersAskedFor.get(), "deciding the headers signs nothing (a 304 has no URL)");
    }

    @Test
    void anUploadedImageIsWrittenWithItsSourceTypeSizeAndExpiry() throws Exception {
        ImageRef uploaded = new ImageRef(IMAGE, ObjectKeys.url(KEY), new UploadedFile("image/webp", 123456));
        ImageRef external = new ImageRef("0b9e8d7c-6a5f-4e3d-8c2b-1a0f9e8d7c6b", "https://a.example/1");
        JsonNode body = Json.MAPPER.readTree(ResponseBodies.collection(new Collection(COLLECTION, "2026-05-01T12:00:00Z",
                List.of(external, uploaded), new CollectionTag(2, "0")), urls).text());
        JsonNode image = body.get("images").get(1);
        assertEquals(List.of("imageId", "url", "source", "contentType", "bytes", "urlExpiresAt"), fieldNames(image));
        assertEquals("upload", image.get("source").asText());
        assertEquals("image/webp", image.get("contentType").asText());
        assertEquals(123456, image.get("bytes").asLong());
        assertEquals("2026-05-01T12:15:00Z", image.get("urlExpiresAt").asText());
        assertEquals(urls.download(uploaded.url()).url(), URI.create(image.get("url").asText()));
        assertEquals(List.of("imageId", "url", "source"), fieldNames(body.get("images").get(0)));

        JsonNode one = Json.MAPPER.readTree(ResponseBodies.image(new ImageInCollection(COLLECTION, uploaded, 1, new CollectionTag(2, "0")), urls).text());
        assertEquals(List.of("imagesCollectionId", "imageId", "url", "source", "contentType", "bytes", "urlExpiresAt", "position"), fieldNames(one));

        JsonNode page = Json.MAPPER.readTree(ResponseBodies.listPage(new ListPage(List.of(
                new ListedCollection(COLLECTION, "2026-05-01T12:00:00Z", 2, uploaded.url())), 20, null, false, 1, 1), urls).text());
        assertEquals(image.get("url").asText(), page.at("/items/0/coverUrl").asText(), "the cover presigned as its image is");
    }

    /** Presigning is the SigV4 signer's work: nothing get-item and list-page run to answer refers to the S3 module (4 MB to load). */
    @Test
    void theReadPathsReferToNoClassOfTheS3Module() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.userimages.core.http", "com.userimages.core.storage", "com.userimages.handlers");
        noClasses().that().belongToAnyOf(ImageUrls.class, ResponseBodies.class, ObjectUrlSigner.class, ObjectKeys.class,
                        PresignedRequest.class, UploadSettings.class, GetItemHandler.class, ListPageHandler.class)
                .should().dependOnClassesThat().resideInAPackage("software.amazon.awssdk.services.s3..")
                .check(classes);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
