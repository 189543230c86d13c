package com.userimages.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddedDynamoDbTest {
    private static DynamoDbClient client(EmbeddedDynamoDb db, String region) {
        // DynamoDB Local accepts any credentials, but only access key ids of letters and digits.
        return DynamoDbClient.builder().endpointOverride(db.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key" + region.replace("-", ""), "secret")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @Test
    void dataInADbPathOutlivesTheServerWhateverRegionOrCredentials(@TempDir Path dir) throws Exception {
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.start(dir); DynamoDbClient client = client(db, "eu-west-1")) {
            client.createTable(b -> b.tableName("kept")
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("k").attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("k").keyType(KeyType.HASH).build())
                    .billingMode(BillingMode.PAY_PER_REQUEST));
        }
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.start(dir); DynamoDbClient client = client(db, "us-west-2")) {
            assertEquals(List.of("kept"), client.listTables().tableNames());
        }
    }

    @Test
    void itListensOnLoopbackOnly() throws Exception {
        try (EmbeddedDynamoDb db = EmbeddedDynamoDb.start(null)) {
            assertTrue(db.loopbackOnly(), "DynamoDB Local's connector could not be bound to 127.0.0.1");
            int port = db.endpoint().getPort();
            new Socket(InetAddress.getLoopbackAddress(), port).close();
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address.isLoopbackAddress() || address.isLinkLocalAddress()) continue;
                    assertThrows(IOException.class, () -> {
                        try (Socket s = new Socket()) {
                            s.connect(new InetSocketAddress(address, port), 2000);
                        }
                    }, "reachable on " + address);
                }
            }
        }
    }
}
