package com.userimages.core.data;

import com.userimages.contract.Setting;
import com.userimages.contract.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the functions' AWS clients, all the same way: region, HTTP client and credentials named
 * explicitly, and timeouts bounded so a stalled call fails (503) well within the function's own
 * timeout, and within the init phase's limit for the secret read at init.
 */
public final class AwsClients {
    /** Where the clients point when no {@code AWS_REGION} is set (Lambda always sets it): local runs and tests. */
    public static final String LOCAL_DEFAULT_REGION = "us-east-1";
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(5);

    private AwsClients() {}

    public static DynamoDbClient dynamoDb(Settings settings, AwsCredentialsProvider credentials) {
        // Applied here rather than through AWS_ENDPOINT_URL_DYNAMODB: templates declare this one blank
        // for `sam local invoke --env-vars`, and a blank AWS_ENDPOINT_URL_DYNAMODB breaks the SDK.
        String endpoint = settings.value(Setting.DYNAMODB_ENDPOINT);
        if (endpoint.isEmpty()) return configured(DynamoDbClient.builder(), settings, credentials, httpClient()).build();
        URI uri = URI.create(endpoint);
        SdkHttpClient httpClient = "http".equalsIgnoreCase(uri.getScheme()) ? plainHttpClient() : httpClient();
        return configured(DynamoDbClient.builder(), settings, credentials, httpClient).endpointOverride(uri).build();
    }

    private static SdkHttpClient httpClient() {
        return UrlConnectionHttpClient.builder().connectionTimeout(CONNECTION_TIMEOUT).socketTimeout(SOCKET_TIMEOUT).build();
    }

    /**
     * For a plain-HTTP endpoint (the local engine): the SDK's default builder makes a TLS context when
     * it builds, some 700 classes and a trust-store read an {@code http://} endpoint never uses (about
     * a tenth of a cold start without a cache, in the bench). Same timeouts; endpoints over TLS,
     * including every AWS one, keep the default client.
     */
    static SdkHttpClient plainHttpClient() {
        return UrlConnectionHttpClient.create(AwsClients::openPlainConnection);
    }

    static HttpURLConnection openPlainConnection(URI uri) {
        if (!"http".equalsIgnoreCase(uri.getScheme())) throw new IllegalArgumentException("not a plain-HTTP endpoint");
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(Math.toIntExact(CONNECTION_TIMEOUT.toMillis()));
            connection.setReadTimeout(Math.toIntExact(SOCKET_TIMEOUT.toMillis()));
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The S3 client of the functions that reach the bucket (append-collection, delete-item). Another
     * endpoint (s3rver locally) is addressed path-style; the functions never PUT a body, so aws-chunked
     * framing (which s3rver would store as the object) never arises, and is off anyway.
     */
    public static S3Client s3(Settings settings, AwsCredentialsProvider credentials) {
        String endpoint = settings.value(Setting.S3_ENDPOINT);
        if (endpoint.isEmpty()) return configured(S3Client.builder(), settings, credentials, httpClient()).build();
        URI uri = URI.create(endpoint);
        SdkHttpClient httpClient = "http".equalsIgnoreCase(uri.getScheme()) ? plainHttpClient() : httpClient();
        return configured(S3Client.builder(), settings, credentials, httpClient).endpointOverride(uri).forcePathStyle(true)
                .serviceConfiguration(c -> c.chunkedEncodingEnabled(false)).build();
    }

    public static SecretsManagerClient secretsManager(Settings settings, AwsCredentialsProvider credentials) {
        return configured(SecretsManagerClient.builder(), settings, credentials, httpClient()).build();
    }

    /** The configured region, or {@link #LOCAL_DEFAULT_REGION}. */
    public static String region(Settings settings) {
        String region = settings.value(Setting.AWS_REGION);
        return region.isEmpty() ? LOCAL_DEFAULT_REGION : region;
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configured(
            B builder, Settings settings, AwsCredentialsProvider credentials, SdkHttpClient httpClient) {
        String region = region(settings);
        return builder
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(httpClient)
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(Duration.ofSeconds(5))
                        .apiCallTimeout(Duration.ofSeconds(12)));
    }
}
