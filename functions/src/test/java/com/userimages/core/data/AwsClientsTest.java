package com.userimages.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.userimages.engines.EngineCredentials;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.Engine;
import java.net.HttpURLConnection;
import java.net.URI;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

@ExtendWith(DynamoDbExtension.class)
class AwsClientsTest {

    @Test
    void plainHttpConnectionsKeepTheClientsTimeouts() {
        HttpURLConnection connection = AwsClients.openPlainConnection(URI.create("http://127.0.0.1:8000/"));
        assertEquals(2_000, connection.getConnectTimeout());
        assertEquals(5_000, connection.getReadTimeout());
    }

    @Test
    void thePlainClientNeverOpensATlsEndpoint() {
        assertThrows(IllegalArgumentException.class, () -> AwsClients.openPlainConnection(URI.create("https://dynamodb.us-east-1.amazonaws.com/")));
        assertThrows(IllegalArgumentException.class, () -> AwsClients.openPlainConnection(URI.create("HTTPS://127.0.0.1:8000/")));
    }

    @Test
    void aClientForAPlainHttpEndpointTalksToTheLocalEngine() {
        Assumptions.assumeFalse(Engine.isAws(), "the plain-HTTP client is for local engines only");
        EngineCredentials key = DynamoDbExtension.engineCredentials();
        try (DynamoDbClient client = AwsClients.dynamoDb(DynamoDbExtension.settings(),
                StaticCredentialsProvider.create(AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))) {
            String table = DynamoDbExtension.tableName();
            assertEquals(table, client.describeTable(r -> r.tableName(table)).table().tableName());
        }
    }
}
