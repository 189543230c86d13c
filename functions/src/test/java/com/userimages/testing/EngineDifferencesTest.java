package com.userimages.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.UserImagesTable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnItemCollectionMetrics;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

/**
 * Where dynalite and DynamoDB differ, measured rather than remembered: each test asserts DynamoDB's
 * documented behaviour when the suite runs on AWS ({@link Engine#isAws()}) and dynalite's otherwise.
 * No other test may depend on one of these; the list is in docs/decisions/ (the engine record).
 */
@ExtendWith(DynamoDbExtension.class)
class EngineDifferencesTest {
    private final DynamoDbClient client = DynamoDbExtension.client();
    private final String table = DynamoDbExtension.tableName();

    private Map<String, AttributeValue> item(String timestamp) {
        return Map.of(UserImagesTable.PARTITION_KEY, AttributeValue.fromS(TestApi.newUser()),
                UserImagesTable.SORT_KEY, AttributeValue.fromS(UUID.randomUUID().toString()),
                UserImagesTable.TIMESTAMP_INDEX_SORT_KEY, AttributeValue.fromS(timestamp));
    }

    @Test
    void lsiWriteUnits() {
        ConsumedCapacity consumed = client.putItem(r -> r.tableName(table).item(item("2026-01-01T00:00:00Z"))
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        assertNotNull(consumed);
        if (Engine.isAws()) {
            // DynamoDB writes the index entry too and charges for it.
            assertTrue(consumed.localSecondaryIndexes().get(UserImagesTable.TIMESTAMP_INDEX).capacityUnits() >= 1.0, consumed.toString());
        } else {
            // dynalite counts the table's units only.
            assertFalse(consumed.hasLocalSecondaryIndexes() && consumed.localSecondaryIndexes().containsKey(UserImagesTable.TIMESTAMP_INDEX)
                    && consumed.localSecondaryIndexes().get(UserImagesTable.TIMESTAMP_INDEX).capacityUnits() > 0, consumed.toString());
        }
    }

    @Test
    void itemCollectionMetrics() {
        PutItemResponse put = client.putItem(r -> r.tableName(table).item(item("2026-01-01T00:00:00Z"))
                .returnItemCollectionMetrics(ReturnItemCollectionMetrics.SIZE));
        if (Engine.isAws()) {
            // A table with an LSI reports the item collection's size estimate.
            assertNotNull(put.itemCollectionMetrics(), put.toString());
        } else {
            // dynalite returns none.
            assertTrue(put.itemCollectionMetrics() == null || !put.itemCollectionMetrics().hasSizeEstimateRangeGB(), put.toString());
        }
    }

    @Test
    void creatingATableThatExists() {
        ResourceInUseException refused = assertThrows(ResourceInUseException.class, () -> client.createTable(r -> r.tableName(table)
                .attributeDefinitions(a -> a.attributeName("k").attributeType("S"))
                .keySchema(k -> k.attributeName("k").keyType("HASH"))
                .billingMode("PAY_PER_REQUEST")));
        String message = refused.awsErrorDetails().errorMessage();
        if (Engine.isAws()) {
            // DynamoDB names the table.
            assertTrue(message != null && message.contains(table), String.valueOf(message));
        } else {
            // dynalite's message is empty: nothing may classify the error by its text.
            assertTrue(message == null || message.isEmpty() || !message.contains(table), String.valueOf(message));
        }
    }

    @Test
    void anEmptyLsiKey() {
        Map<String, AttributeValue> empty = item("");
        if (Engine.isAws()) {
            // An index key may not be an empty string.
            DynamoDbException refused = assertThrows(DynamoDbException.class, () -> client.putItem(r -> r.tableName(table).item(empty)));
            assertEquals("ValidationException", refused.awsErrorDetails().errorCode());
        } else {
            // dynalite stores it (the functions never write one: a timestamp is validated first).
            assertEquals(200, client.putItem(r -> r.tableName(table).item(empty)).sdkHttpResponse().statusCode());
        }
    }

    /**
     * Not a difference any more: dynalite as published keys an index entry by six hex digits of the
     * table key's MD5, so these two items (one timestamp, colliding digits) shared one entry and the
     * index lost one. The engine's wrapper patches that (engines/js/unique-index-keys.js); DynamoDB
     * and the patched engine both return each, also one per page.
     */
    @Test
    void twoItemsOnOneTimestampWhoseTableKeyDigestsCollide() {
        String user = TestApi.newUser();
        List<String> ids = collidingCollectionIds(user);
        for (String id : ids) {
            client.putItem(r -> r.tableName(table).item(Map.of(UserImagesTable.PARTITION_KEY, AttributeValue.fromS(user),
                    UserImagesTable.SORT_KEY, AttributeValue.fromS(id),
                    UserImagesTable.TIMESTAMP_INDEX_SORT_KEY, AttributeValue.fromS("2026-01-01T00:00:00Z"))));
        }
        List<String> listed = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(r -> r.tableName(table).indexName(UserImagesTable.TIMESTAMP_INDEX)
                    .keyConditionExpression("#u = :u").expressionAttributeNames(Map.of("#u", UserImagesTable.PARTITION_KEY))
                    .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(user))).limit(1).exclusiveStartKey(from));
            page.items().forEach(item -> listed.add(item.get(UserImagesTable.SORT_KEY).s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        assertEquals(ids.stream().sorted().toList(), listed.stream().sorted().toList(), "every item on the index");
    }

    /** Two collection ids whose table keys share the first six hex digits of dynalite's index digest. */
    private static List<String> collidingCollectionIds(String user) {
        Random random = new Random(user.hashCode());
        Map<String, String> byDigits = new HashMap<>();
        while (true) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            String other = byDigits.putIfAbsent(dynaliteIndexDigits(user, id), id);
            if (other != null) return List.of(other, id);
        }
    }

    private static String dynaliteIndexDigits(String user, String collectionId) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update("Outliers".getBytes(StandardCharsets.UTF_8));
            md5.update(user.getBytes(StandardCharsets.UTF_8));
            md5.update(collectionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5.digest()).substring(0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
