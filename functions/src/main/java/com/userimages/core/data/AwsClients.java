package com.userimages.core.data;

import com.userimages.contract.Setting;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
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
    private static final String LOCAL_DEFAULT_REGION = "us-east-1";

    private AwsClients() {}

    public static DynamoDbClient dynamoDb() {
        var builder = configured(DynamoDbClient.builder());
        // Applied here rather than through AWS_ENDPOINT_URL_DYNAMODB: templates declare this one blank
        // for `sam local invoke --env-vars`, and a blank AWS_ENDPOINT_URL_DYNAMODB breaks the SDK.
        String endpoint = Setting.DYNAMODB_ENDPOINT.value();
        if (!endpoint.isEmpty()) builder.endpointOverride(URI.create(endpoint));
        return builder.build();
    }

    public static SecretsManagerClient secretsManager() {
        return configured(SecretsManagerClient.builder()).build();
    }

    private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configured(B builder) {
        String region = Setting.AWS_REGION.value();
        return builder
                .region(Region.of(region.isEmpty() ? LOCAL_DEFAULT_REGION : region))
                // SnapStart-safe: resolves credentials on use, not at snapshot time.
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5))
                        .build())
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(Duration.ofSeconds(5))
                        .apiCallTimeout(Duration.ofSeconds(12)));
    }
}
