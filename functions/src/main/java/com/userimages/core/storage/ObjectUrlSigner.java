package com.userimages.core.storage;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;

/**
 * Presigns GETs and PUTs of the bucket's objects with the SDK's SigV4 signer (query-string
 * authentication, unsigned payload) — the URLs {@code S3Presigner} makes, without the S3 module, so
 * the functions that only read (get-item, list-page) stay small and start fast. Local crypto only:
 * no call to S3 or anywhere else (the credentials are the function's own, already in memory).
 *
 * <p>A URL is valid only while the credentials that signed it are: in Lambda those are the role's
 * session credentials, which outlive every URL this signs (at most an hour, well under their life).
 */
public final class ObjectUrlSigner {
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final IdentityProvider<? extends AwsCredentialsIdentity> credentials;
    private final String bucket;
    private final String region;
    private final Optional<URI> endpoint;
    private final Clock clock;

    /**
     * {@code endpoint}: empty for S3 itself (virtual-hosted URLs,
     * {@code https://BUCKET.s3.REGION.amazonaws.com/KEY}); another S3 (the local engine) is addressed
     * path-style, {@code ENDPOINT/BUCKET/KEY}.
     */
    public ObjectUrlSigner(IdentityProvider<? extends AwsCredentialsIdentity> credentials, String bucket, String region,
                           Optional<URI> endpoint, Clock clock) {
        this.credentials = credentials;
        this.bucket = bucket;
        this.region = region;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    /** A GET of {@code key}, valid for {@code validity} from now. */
    public PresignedRequest get(String key, Duration validity) {
        return sign(SdkHttpMethod.GET, key, Map.of(), validity);
    }

    /**
     * A PUT of {@code key} whose signature covers its {@code Content-Type} and {@code Content-Length}:
     * S3 refuses the upload when either differs from what was declared (a browser sets the length from
     * the body it sends, so a larger or smaller body fails the signature).
     */
    public PresignedRequest put(String key, String contentType, long bytes, Duration validity) {
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("Content-Type", contentType);
        signed.put("Content-Length", Long.toString(bytes));
        return sign(SdkHttpMethod.PUT, key, signed, validity);
    }

    private PresignedRequest sign(SdkHttpMethod method, String key, Map<String, String> headers, Duration validity) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(method).uri(objectUri(key));
        headers.forEach((name, value) -> request.putHeader(name, List.of(value)));
        AwsCredentialsIdentity identity = credentials.resolveIdentity(ResolveIdentityRequest.builder().build()).join();
        SignedRequest signed = signer.sign(r -> r.request(request.build())
                .identity(identity)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, validity)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(now, java.time.ZoneOffset.UTC)));
        return new PresignedRequest(method.name(), signed.request().getUri(), headers, now.plus(validity));
    }

    private URI objectUri(String key) {
        // Keys are built from validated ids only (ObjectKeys): nothing in them needs escaping.
        return endpoint.map(e -> URI.create(trimSlash(e.toString()) + "/" + bucket + "/" + key))
                .orElseGet(() -> URI.create("https://" + bucket + ".s3." + region + ".amazonaws.com/" + key));
    }

    private static String trimSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
