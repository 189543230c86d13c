package com.userimages.handlers;

import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.Scopes;
import com.userimages.contract.UserImagesTable;
import com.userimages.core.data.TableAdmin;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.TestApi;
import com.userimages.core.http.GatewayEvents;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

@ExtendWith(DynamoDbExtension.class)
class CreateTableHandlerTest {
    private static String freshTableName() {
        return "user_images_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static APIGatewayV2HTTPEvent adminEvent() {
        return GatewayEvents.request(ApiRoute.CREATE_TABLE).as(TestApi.newUser(), Scopes.ADMIN).build();
    }

    @Test
    void createsTheTableWithTheContractsSchemaAnd201() {
        String name = freshTableName();
        JsonNode body = expect(201, new CreateTableHandler(DynamoDbExtension.componentsBuilder().tableAdmin(new TableAdmin(DynamoDbExtension.client(), name)).build())
                .handleRequest(adminEvent(), null));
        assertEquals(name, body.get("table").asText());
        assertEquals("ACTIVE", body.get("status").asText());
        assertTrue(body.get("created").asBoolean());

        TableDescription table = DynamoDbExtension.client().describeTable(r -> r.tableName(name)).table();
        assertEquals(UserImagesTable.PARTITION_KEY, table.keySchema().get(0).attributeName());
        assertEquals(KeyType.HASH, table.keySchema().get(0).keyType());
        assertEquals(UserImagesTable.SORT_KEY, table.keySchema().get(1).attributeName());
        assertTrue(table.attributeDefinitions().stream().allMatch(a -> a.attributeType() == ScalarAttributeType.S));
        assertEquals(BillingMode.PAY_PER_REQUEST, table.billingModeSummary().billingMode());
        var index = table.localSecondaryIndexes().getFirst();
        assertEquals(UserImagesTable.TIMESTAMP_INDEX, index.indexName());
        assertEquals(UserImagesTable.TIMESTAMP_INDEX_SORT_KEY, index.keySchema().get(1).attributeName());
        assertEquals(ProjectionType.INCLUDE, index.projection().projectionType());
        assertEquals(Set.copyOf(UserImagesTable.TIMESTAMP_INDEX_PROJECTION), Set.copyOf(index.projection().nonKeyAttributes()));
    }

    @Test
    void theDeployedTableAlreadyThereIs200NotCreated() {
        JsonNode body = expect(200, new CreateTableHandler(DynamoDbExtension.components()).handleRequest(adminEvent(), null));
        assertEquals(DynamoDbExtension.tableName(), body.get("table").asText());
        assertEquals("ACTIVE", body.get("status").asText());
        assertFalse(body.get("created").asBoolean());
    }

    @Test
    void aTableOfThatNameWithAnotherSchemaIs409() {
        String name = freshTableName();
        DynamoDbExtension.client().createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        expectError(409, "TABLE_SCHEMA_MISMATCH",
                new CreateTableHandler(DynamoDbExtension.componentsBuilder().tableAdmin(new TableAdmin(DynamoDbExtension.client(), name)).build()).handleRequest(adminEvent(), null));
    }

    @Test
    void withoutTheAdminScopeIs403AndNothingIsCreated() {
        String name = freshTableName();
        var handler = new CreateTableHandler(DynamoDbExtension.componentsBuilder().tableAdmin(new TableAdmin(DynamoDbExtension.client(), name)).build());
        expectError(403, "FORBIDDEN", handler.handleRequest(
                GatewayEvents.request(ApiRoute.CREATE_TABLE).as(TestApi.newUser(), "images/read").build(), null));
        assertFalse(DynamoDbExtension.client().listTables().tableNames().contains(name));
    }

    @Test
    void theScopeMayComeFromTheScopeOrScpClaim() {
        for (String claim : new String[] {"scope", "scp"}) {
            var event = GatewayEvents.request(ApiRoute.CREATE_TABLE)
                    .claims(Map.of("sub", "admin", claim, "openid " + Scopes.ADMIN)).build();
            expect(200, new CreateTableHandler(DynamoDbExtension.components()).handleRequest(event, null));
        }
        var flattenedArray = GatewayEvents.request(ApiRoute.CREATE_TABLE)
                .claims(Map.of("sub", "admin", "scp", "[openid " + Scopes.ADMIN + "]")).build();
        expect(200, new CreateTableHandler(DynamoDbExtension.components()).handleRequest(flattenedArray, null));
    }

    @Test
    void withoutClaimsIs401() {
        expectError(401, "UNAUTHORIZED", new CreateTableHandler(DynamoDbExtension.components()).handleRequest(
                GatewayEvents.request(ApiRoute.CREATE_TABLE).build(), null));
    }
}
