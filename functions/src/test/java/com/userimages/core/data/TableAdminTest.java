package com.userimages.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.UserImagesTable;
import com.userimages.core.error.ApiException;
import com.userimages.testing.DynamoDbExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/**
 * The entry point to the table's tests: {@code ensureTable} on the test engine, under fresh table
 * names (dropped afterwards). What {@code POST /admin/table} answers, and the created table's
 * schema, are in {@code CreateTableHandlerTest}.
 */
@ExtendWith(DynamoDbExtension.class)
class TableAdminTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final List<String> created = new ArrayList<>();

    private String freshName() {
        String name = "table-admin-" + UUID.randomUUID();
        created.add(name);
        return name;
    }

    private static TableAdmin admin(String tableName) {
        return new TableAdmin(DynamoDbExtension.client(), tableName);
    }

    @AfterEach
    void dropTheTables() {
        for (String name : created) {
            try {
                DynamoDbExtension.client().deleteTable(r -> r.tableName(name));
            } catch (RuntimeException e) {
                // never created (the test refused it) or already gone
            }
        }
    }

    @Nested
    class EnsureTable {
        @Test
        void createsAnAbsentTableAndWaitsUntilItIsActive() {
            String name = freshName();
            TableAdmin.TableState state = admin(name).ensureTable(WAIT);
            assertEquals(new TableAdmin.TableState(name, true, true), state);
        }

        @Test
        void aSecondCallFindsTheTableAndCreatesNothing() {
            String name = freshName();
            admin(name).ensureTable(WAIT);
            assertEquals(new TableAdmin.TableState(name, false, true), admin(name).ensureTable(WAIT));
        }
    }

    @Nested
    class SchemaCheck {
        private ApiException.Conflict mismatchOf(CreateTableRequest existing) {
            DynamoDbExtension.client().createTable(existing);
            return assertThrows(ApiException.Conflict.class, () -> admin(existing.tableName()).ensureTable(WAIT));
        }

        private static void assertIsTheSchemaMismatch(ApiException e, String name) {
            assertEquals(409, e.status());
            assertEquals("TABLE_SCHEMA_MISMATCH", String.valueOf(e.code()));
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }

        /** The table's definition, its timestamp index projecting {@code projection} instead. */
        private static CreateTableRequest withIndexProjection(String name, Projection projection) {
            LocalSecondaryIndex index = TableAdmin.definition(name).localSecondaryIndexes().getFirst();
            return TableAdmin.definition(name).toBuilder()
                    .localSecondaryIndexes(index.toBuilder().projection(projection).build())
                    .build();
        }

        @Test
        void theSameKeysWithoutTheTimestampIndexAreAMismatch() {
            String name = freshName();
            CreateTableRequest withoutIndex = TableAdmin.definition(name).toBuilder()
                    .localSecondaryIndexes((List<LocalSecondaryIndex>) null)
                    .attributeDefinitions(TableAdmin.definition(name).attributeDefinitions().stream()
                            .filter(a -> !a.attributeName().equals(UserImagesTable.TIMESTAMP_INDEX_SORT_KEY)).toList())
                    .build();
            assertIsTheSchemaMismatch(mismatchOf(withoutIndex), name);
        }

        @Test
        void anIndexProjectingOtherAttributesIsAMismatch() {
            String name = freshName();
            List<String> fewer = UserImagesTable.TIMESTAMP_INDEX_PROJECTION.subList(1, UserImagesTable.TIMESTAMP_INDEX_PROJECTION.size());
            CreateTableRequest otherProjection = withIndexProjection(name,
                    Projection.builder().projectionType(ProjectionType.INCLUDE).nonKeyAttributes(fewer).build());
            assertIsTheSchemaMismatch(mismatchOf(otherProjection), name);
        }

        @Test
        void anIndexProjectingEverythingIsAMismatchToo() {
            String name = freshName();
            CreateTableRequest allProjected = withIndexProjection(name, Projection.builder().projectionType(ProjectionType.ALL).build());
            ApiException.Conflict e = mismatchOf(allProjected);
            assertIsTheSchemaMismatch(e, name);
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        }
    }
}
