package com.userimages.core.data;

import com.userimages.contract.Setting;
import com.userimages.contract.Settings;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the functions' AWS clients, all the same way: region, HTTP client and credentials named
 * explicitly, and timeouts bounded so a stalled call fails (503) well within the function's own
 * timeout, and within the init phase's limit for the secret read at init.
 */
public final class AwsClients {
    /** Where the clients point when no {@code AWS_REGION} is set (Lambda always sets it): local runs and tests. */
    public static final String LOCAL_DEFAULT_REGION = "us-east-1";

    private AwsClients() {}

    public static DynamoDbClient dynamoDb(Settings settings, AwsCredentialsProvider credentials) {
        var builder = configured(DynamoDbClient.builder(), settings, credentials);
        // Applied here rather than through AWS_ENDPOINT_URL_DYNAMODB: templates declare this one blank
        // for `sam local invoke --env-vars`, and a blank AWS_ENDPOINT_URL_DYNAMODB breaks the SDK.
        String endpoint = settings.value(Setting.DYNAMODB_ENDPOINT);
        if (!endpoint.isEmpty()) builder.endpointOverride(URI.create(endpoint));
        return builder.build();
    }

    public static SecretsManagerClient secretsManager(Settings settings, AwsCredentialsProvider credentials) {
        return configured(SecretsManagerClient.builder(), settings, credentials).build();
    }

    /** The configured region, or {@link #LOCAL_DEFAULT_REGION}. */
    public static String region(Settings settings) {
        String region = settings.value(Setting.AWS_REGION);
        return region.isEmpty() ? LOCAL_DEFAULT_REGION : region;
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configured(
            B builder, Settings settings, AwsCredentialsProvider credentials) {
        String region = region(settings);
        return builder
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5))
                        .build())
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(Duration.ofSeconds(5))
                        .apiCallTimeout(Duration.ofSeconds(12)));
    }
}
