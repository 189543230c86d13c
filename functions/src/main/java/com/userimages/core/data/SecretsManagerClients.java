package com.userimages.core.data;

import com.userimages.core.Setting;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Builds the Secrets Manager client list-page reads its page-token secret with, the way
 * {@link DynamoDbClients} builds DynamoDB's: region, HTTP client and credentials named explicitly,
 * bounded timeouts (it runs in the init phase, which has its own time limit).
 */
public final class SecretsManagerClients {
    private static final String LOCAL_DEFAULT_REGION = "us-east-1";

    private SecretsManagerClients() {}

    public static SecretsManagerClient fromSettings() {
        String region = Setting.AWS_REGION.value();
        return SecretsManagerClient.builder()
                .region(Region.of(region.isEmpty() ? LOCAL_DEFAULT_REGION : region))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5))
                        .build())
                .overrideConfiguration(o -> o
                        .apiCallAttemptTimeout(Duration.ofSeconds(5))
                        .apiCallTimeout(Duration.ofSeconds(12)))
                .build();
    }
}
