package com.userimages.core.data;

import com.userimages.contract.UserImagesTable;
import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

/** Creates the collections table (API.md, {@code POST /admin/table}) and checks an existing one's schema. */
public final class TableAdmin {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public TableAdmin(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** The table's state after the call: {@code created} when this call made it, {@code active} once usable. */
    public record TableState(String tableName, boolean created, boolean active) {}

    public TableState ensureTable(Duration maxWait) {
        boolean created;
        try {
            dynamoDb.createTable(definition(tableName));
            created = true;
        } catch (ResourceInUseException e) {
            created = false;
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e);
        }
        TableDescription table = describe();
        if (!created && !hasExpectedSchema(table)) {
            throw new ApiException.Conflict(ErrorCode.TABLE_SCHEMA_MISMATCH,
                    "A table named " + tableName + " exists with another key schema or index.");
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (table.tableStatus() != TableStatus.ACTIVE && System.nanoTime() < deadline) {
            sleep(POLL_INTERVAL);
            table = describe();
        }
        return new TableState(tableName, created, table.tableStatus() == TableStatus.ACTIVE);
    }

    private TableDescription describe() {
        return CollectionRepository.call(() -> dynamoDb.describeTable(r -> r.tableName(tableName))).table();
    }

    /** The table of API.md; the same definition the CDK stack and SAM template declare. */
    public static CreateTableRequest definition(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(UserImagesTable.PARTITION_KEY),
                        attribute(UserImagesTable.SORT_KEY),
                        attribute(UserImagesTable.TIMESTAMP_INDEX_SORT_KEY))
                .keySchema(tableKeySchema())
                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                        .indexName(UserImagesTable.TIMESTAMP_INDEX)
                        .keySchema(indexKeySchema())
                        .projection(Projection.builder()
                                .projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes(UserImagesTable.TIMESTAMP_INDEX_PROJECTION)
                                .build())
                        .build())
                .build();
    }

    private static boolean hasExpectedSchema(TableDescription table) {
        if (!table.keySchema().equals(tableKeySchema())) return false;
        for (LocalSecondaryIndexDescription index : table.localSecondaryIndexes()) {
            if (index.indexName().equals(UserImagesTable.TIMESTAMP_INDEX)) {
                Projection projection = index.projection();
                return index.keySchema().equals(indexKeySchema())
                        && projection.projectionType() == ProjectionType.INCLUDE
                        && new HashSet<>(projection.nonKeyAttributes()).equals(Set.copyOf(UserImagesTable.TIMESTAMP_INDEX_PROJECTION));
            }
        }
        return false;
    }

    private static List<KeySchemaElement> tableKeySchema() {
        return List.of(key(UserImagesTable.PARTITION_KEY, KeyType.HASH), key(UserImagesTable.SORT_KEY, KeyType.RANGE));
    }

    private static List<KeySchemaElement> indexKeySchema() {
        return List.of(key(UserImagesTable.PARTITION_KEY, KeyType.HASH), key(UserImagesTable.TIMESTAMP_INDEX_SORT_KEY, KeyType.RANGE));
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException.Unavailable("Interrupted while waiting for the table.");
        }
    }
}
