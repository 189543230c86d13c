package com.userimages.core.data;

import com.userimages.core.Setting;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Builds the DynamoDB client: region, HTTP client and credentials named explicitly, timeouts
 * bounded so a stalled call answers 503 well within the function's timeout.
 */
public final class DynamoDbClients {
    private static final String LOCAL_DEFAULT_REGION = "us-east-1";

    private DynamoDbClients() {}

    public static DynamoDbClient fromSettings() {
        String region = Setting.AWS_REGION.value();
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
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
        // Applied here rather than through AWS_ENDPOINT_URL_DYNAMODB: templates declare this one blank
        // for `sam local invoke --env-vars`, and a blank AWS_ENDPOINT_URL_DYNAMODB breaks the SDK.
        String endpoint = Setting.DYNAMODB_ENDPOINT.value();
        if (!endpoint.isEmpty()) builder.endpointOverride(URI.create(endpoint));
        return builder.build();
    }
}
