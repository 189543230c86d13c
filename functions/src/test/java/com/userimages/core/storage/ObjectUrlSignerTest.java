package com.userimages.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

class ObjectUrlSignerTest {
    private static final String KEY = "images/0123456789abcdef0123456789abcdef/6f0c2a4e-1b8e-4a53-9a57-0c6c1d2e3f40/"
            + "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/0123456789abcdefghjkmnpqrs";
    private static final StaticCredentialsProvider SESSION = StaticCredentialsProvider.create(
            AwsSessionCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session/token+="));

    private static ObjectUrlSigner signer(Optional<URI> endpoint, Clock clock) {
        return new ObjectUrlSigner(SESSION, "user-images-bucket", "eu-west-1", endpoint, clock);
    }

    private static S3Presigner presigner(Optional<URI> endpoint) {
        S3Presigner.Builder builder = S3Presigner.builder().credentialsProvider(SESSION).region(Region.EU_WEST_1);
        endpoint.ifPresent(e -> builder.endpointOverride(e).serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }

    @Test
    void aGetIsTheUrlS3PresignerMakes() {
        for (Optional<URI> endpoint : java.util.List.of(Optional.<URI>empty(), Optional.of(URI.create("http://127.0.0.1:4569")))) {
            try (S3Presigner reference = presigner(endpoint)) {
                // Both sign with the wall clock: compare when both fell in the same second.
                for (int attempt = 0; ; attempt++) {
                    PresignedRequest ours = signer(endpoint, Clock.systemUTC()).get(KEY, Duration.ofMinutes(15));
                    PresignedGetObjectRequest theirs = reference.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(15))
                            .getObjectRequest(g -> g.bucket("user-images-bucket").key(KEY)));
                    if (!sameSecond(ours.url(), theirs.url().toString()) && attempt < 5) continue;
                    assertEquals(theirs.url().toString(), ours.url().toString(), "endpoint " + endpoint);
                    assertEquals(Map.of(), ours.headers());
                    break;
                }
            }
        }
    }

    @Test
    void aPutIsTheUrlS3PresignerMakesWithTypeAndLengthSigned() {
        try (S3Presigner reference = presigner(Optional.empty())) {
            for (int attempt = 0; ; attempt++) {
                PresignedRequest ours = signer(Optional.empty(), Clock.systemUTC()).put(KEY, "image/png", 123_456, Duration.ofMinutes(10));
                PresignedPutObjectRequest theirs = reference.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(10))
                        .putObjectRequest(p -> p.bucket("user-images-bucket").key(KEY).contentType("image/png").contentLength(123_456L)));
                if (!sameSecond(ours.url(), theirs.url().toString()) && attempt < 5) continue;
                assertEquals(theirs.url().toString(), ours.url().toString());
                assertTrue(ours.url().getQuery().contains("X-Amz-SignedHeaders=content-length;content-type;host"), ours.url().toString());
                assertEquals(Map.of("Content-Type", "image/png", "Content-Length", "123456"), ours.headers());
                assertEquals("PUT", ours.method());
                break;
            }
        }
    }

    @Test
    void theUrlCarriesTheSessionTokenAndExpiresWhenItSays() {
        Instant now = Instant.parse("2026-12-03T10:15:30.750Z");
        PresignedRequest get = signer(Optional.empty(), Clock.fixed(now, ZoneOffset.UTC)).get(KEY, Duration.ofSeconds(900));
        String query = get.url().getRawQuery();
        assertTrue(query.contains("X-Amz-Security-Token=session%2Ftoken%2B%3D"), query);
        assertTrue(query.contains("X-Amz-Date=20261203T101530Z"), query);
        assertTrue(query.contains("X-Amz-Expires=900"), query);
        assertEquals(Instant.parse("2026-12-03T10:30:30Z"), get.expiresAt());
        assertEquals("https://user-images-bucket.s3.eu-west-1.amazonaws.com/" + KEY, get.url().toString().substring(0, get.url().toString().indexOf('?')));
        assertFalse(query.contains("wJalrXUtnFEMI"), "never the secret key");
    }

    @Test
    void anotherEndpointIsAddressedPathStyle() {
        PresignedRequest get = signer(Optional.of(URI.create("http://127.0.0.1:4569/")), Clock.systemUTC()).get(KEY, Duration.ofSeconds(60));
        assertTrue(get.url().toString().startsWith("http://127.0.0.1:4569/user-images-bucket/" + KEY + "?"), get.url().toString());
    }

    private static boolean sameSecond(URI ours, String theirs) {
        return dateOf(ours.toString()).equals(dateOf(theirs));
    }

    private static String dateOf(String url) {
        int at = url.indexOf("X-Amz-Date=");
        return url.substring(at, at + "X-Amz-Date=".length() + 16);
    }
}
