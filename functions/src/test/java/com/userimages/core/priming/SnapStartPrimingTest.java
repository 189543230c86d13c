package com.userimages.core.priming;

import com.userimages.contract.Subjects;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.UserImagesTable;
import com.userimages.handlers.AppendCollectionHandler;
import com.userimages.handlers.DeleteItemHandler;
import com.userimages.handlers.GetItemHandler;
import com.userimages.handlers.ListPageHandler;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.Responses;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynamoDbExtension.class)
class SnapStartPrimingTest {
    private static APIGatewayV2HTTPResponse prime(ApiFunction function,
                                                  RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler) {
        return handler.handleRequest(PrimingRequests.forFunction(function).orElseThrow(), null);
    }

    @Test
    void primingRunsTheRealPathAndWritesNothing() {
        Responses.expectError(404, "COLLECTION_NOT_FOUND", prime(ApiFunction.APPEND_COLLECTION, new AppendCollectionHandler(DynamoDbExtension.components())));
        Responses.expectError(404, "COLLECTION_NOT_FOUND", prime(ApiFunction.GET_ITEM, new GetItemHandler(DynamoDbExtension.components())));
        // delete-item: a conditional DeleteItem refused on the reserved subject's absent collection.
        Responses.expectError(404, "COLLECTION_NOT_FOUND", prime(ApiFunction.DELETE_ITEM, new DeleteItemHandler(DynamoDbExtension.components())));
        var page = Responses.expect(200, prime(ApiFunction.LIST_PAGE, new ListPageHandler(DynamoDbExtension.components())));
        assertEquals(0, page.get("count").asInt());

        int stored = DynamoDbExtension.client().query(q -> q.tableName(DynamoDbExtension.tableName())
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", UserImagesTable.PARTITION_KEY))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Subjects.PRIMING_SUBJECT))))
                .count();
        assertEquals(0, stored, "priming must never store anything");
    }

    @Test
    void createTableDoesNotPrime() {
        assertTrue(PrimingRequests.forFunction(ApiFunction.CREATE_TABLE).isEmpty());
    }

    @Test
    void theHookRunsThePrimingAndAFailureNeverReachesTheCheckpoint() {
        AtomicInteger runs = new AtomicInteger();
        new SnapStartPriming(List.of(runs::incrementAndGet)).beforeCheckpoint(null);
        assertEquals(1, runs.get());
        assertDoesNotThrow(() -> new SnapStartPriming(List.<Runnable>of(() -> {
            throw new IllegalStateException("database unreachable at snapshot time");
        }, runs::incrementAndGet)).beforeCheckpoint(null));
        assertEquals(2, runs.get(), "a failed step must not skip the steps after it");
    }
}
