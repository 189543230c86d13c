package com.userimages.handlers;

import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.Scopes;
import com.userimages.contract.Settings;
import com.userimages.testing.Responses;
import com.userimages.wiring.FunctionComponents;
import com.userimages.testing.TestApi;
import com.userimages.core.http.GatewayEvents;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

/**
 * Faults and states no engine produces (throttling after retries, timeouts, 5xx, the
 * LSI's 10 GB per-user limit, a table that stays CREATING) injected by a client that fails every call: each maps to its status, with
 * Retry-After where API.md says, and nothing of the SDK's message in the body.
 */
class DynamoDbFaultTest {
    private static DynamoDbClient failingWith(Supplier<SdkException> fault) {
        return new DynamoDbClient() {
            @Override public String serviceName() { return "dynamodb"; }
            @Override public void close() {}
            @Override public GetItemResponse getItem(GetItemRequest request) { throw fault.get(); }
            @Override public PutItemResponse putItem(PutItemRequest request) { throw fault.get(); }
        };
    }

    /** The default settings (table user_images, bounds 100 and 1,000) over this client: no engine. */
    private static FunctionComponents.Builder wiredTo(DynamoDbClient client) {
        return FunctionComponents.builder(Settings.defaults()).dynamoDb(client);
    }

    private static APIGatewayV2HTTPResponse get(DynamoDbClient client) {
        return new GetItemHandler(wiredTo(client).build()).handleRequest(GatewayEvents.request(ApiRoute.GET_COLLECTION)
                .as(TestApi.newUser()).path("collectionId", UUID.randomUUID().toString()).build(), null);
    }

    private static APIGatewayV2HTTPResponse create(DynamoDbClient client) {
        return new AppendCollectionHandler(wiredTo(client).build())
                .handleRequest(GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(TestApi.newUser())
                        .body("{\"images\":[{\"url\":\"https://f.example/1\"}]}").build(), null);
    }

    @Test
    void throttlingAfterRetriesIs429WithRetryAfter() {
        var r = get(failingWith(() -> ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException")
                        .errorMessage("secret internals").build()).build()));
        expectError(429, "THROTTLED", r);
        assertEquals("1", r.getHeaders().get("retry-after"));
    }

    @Test
    void aTimeoutIs503WithRetryAfter() {
        var r = get(failingWith(() -> ApiCallAttemptTimeoutException.create(5000)));
        expectError(503, "SERVICE_UNAVAILABLE", r);
        assertEquals("2", r.getHeaders().get("retry-after"));
    }

    @Test
    void aServerErrorIs503() {
        var r = get(failingWith(() -> DynamoDbException.builder().statusCode(500)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("InternalServerError").build()).build()));
        expectError(503, "SERVICE_UNAVAILABLE", r);
    }

    @Test
    void theLsiTenGigabyteLimitIs413() {
        var r = create(failingWith(() -> ItemCollectionSizeLimitExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ItemCollectionSizeLimitExceededException").build()).build()));
        expectError(413, "USER_DATA_TOO_LARGE", r);
    }

    @Test
    void dynamoDbsOwnItemSizeRefusalIs413() {
        var r = create(failingWith(() -> DynamoDbException.builder().statusCode(400)
                .message("Item size has exceeded the maximum allowed size")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ValidationException")
                        .errorMessage("Item size has exceeded the maximum allowed size").build()).build()));
        expectError(413, "COLLECTION_TOO_LARGE", r);
    }

    @Test
    void anUnexpectedFailureIsABare500() {
        var r = get(new DynamoDbClient() {
            @Override public String serviceName() { return "dynamodb"; }
            @Override public void close() {}
            @Override public GetItemResponse getItem(GetItemRequest request) { throw new IllegalStateException("bug in here"); }
        });
        expectError(500, "INTERNAL_ERROR", r);
        assertEquals(false, r.getBody().contains("bug in here"));
    }

    @Test
    void aTableStillCreatingAfterTheWaitIs202() {
        var creating = new DynamoDbClient() {
            @Override public String serviceName() { return "dynamodb"; }
            @Override public void close() {}
            @Override public CreateTableResponse createTable(CreateTableRequest request) {
                return CreateTableResponse.builder().build();
            }
            @Override public DescribeTableResponse describeTable(DescribeTableRequest request) {
                return DescribeTableResponse.builder().table(t -> t.tableName(request.tableName()).tableStatus(TableStatus.CREATING)).build();
            }
        };
        var handler = new CreateTableHandler(wiredTo(creating).tableCreationWait(java.time.Duration.ofMillis(50)).build());
        var body = Responses.expect(202, handler.handleRequest(
                GatewayEvents.request(ApiRoute.CREATE_TABLE).as("admin", Scopes.ADMIN).build(), null));
        assertEquals("CREATING", body.get("status").asText());
        assertEquals("user_images", body.get("table").asText());
    }
}
