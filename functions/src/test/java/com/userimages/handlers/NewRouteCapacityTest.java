package com.userimages.handlers;

import static com.userimages.handlers.AppendCollectionHandlerTest.id;
import static com.userimages.handlers.AppendCollectionHandlerTest.ids;
import static com.userimages.handlers.AppendCollectionHandlerTest.images;
import static com.userimages.handlers.ReorderImagesTest.order;
import static com.userimages.testing.Responses.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.Setting;
import com.userimages.wiring.FunctionComponents;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.core.http.GatewayEvents;
import com.userimages.testing.TestApi;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * What each new route costs on the test engine, from {@code ConsumedCapacity} of the calls the real
 * repository makes (an interceptor asks for it and records it). Printed for the docs; the
 * assertions hold the shape: one read and one write for an image delete and a reorder, one write
 * for a collection delete.
 */
@ExtendWith(DynamoDbExtension.class)
class NewRouteCapacityTest {
    /** Asks every item call for its consumed capacity (table and index) and keeps what came back. */
    static final class CapacityRecorder implements ExecutionInterceptor {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        double reads;
        double writes;

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            return switch (context.request()) {
                case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
                case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
                case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.INDEXES).build();
                default -> context.request();
            };
        }

        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            ConsumedCapacity consumed = switch (context.response()) {
                case GetItemResponse r -> r.consumedCapacity();
                case UpdateItemResponse r -> r.consumedCapacity();
                case DeleteItemResponse r -> r.consumedCapacity();
                default -> null;
            };
            if (consumed == null) return;
            String call = context.request().getClass().getSimpleName().replace("Request", "");
            // dynalite reports the total only (no read/write split): a GetItem's units are reads, the rest writes.
            double units = consumed.capacityUnits();
            synchronized (this) {
                if (call.equals("GetItem")) reads += units;
                else writes += units;
            }
            Double table = consumed.table() == null ? null : consumed.table().capacityUnits();
            calls.add(call + " " + units + (table == null ? "" : " (table " + table)
                    + (consumed.hasLocalSecondaryIndexes() ? ", LSI " + consumed.localSecondaryIndexes().get("byTimestamp").capacityUnits() : "")
                    + (table == null ? "" : ")"));
        }

        synchronized void reset() {
            calls.clear();
            reads = 0;
            writes = 0;
        }
    }

    private final CapacityRecorder recorder = new CapacityRecorder();
    private final String user = TestApi.newUser();
    private final AppendCollectionHandler append;
    private final DeleteItemHandler delete;

    NewRouteCapacityTest() {
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create(DynamoDbExtension.settings().value(Setting.DYNAMODB_ENDPOINT)))
                .region(Region.US_EAST_1)
                .credentialsProvider(DynamoDbExtension.credentialsProvider())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(recorder))
                .build();
        FunctionComponents components = FunctionComponents.builder(DynamoDbExtension.settings()).dynamoDb(client).build();
        append = new AppendCollectionHandler(components);
        delete = new DeleteItemHandler(components);
    }

    private String collection(List<String> imageIds) {
        String cid = id();
        expect(201, append.handleRequest(GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(user)
                .body("{\"imagesCollectionId\":\"" + cid + "\",\"images\":" + images(imageIds, "https://cap.example/") + "}").build(), null));
        return cid;
    }

    private String measure(String label, APIGatewayV2HTTPResponse response, int status) {
        assertEquals(status, response.getStatusCode(), response::getBody);
        String line = String.format("%-44s read %.1f RCU, write %.1f WCU: %s", label, recorder.reads, recorder.writes, recorder.calls);
        System.out.println("capacity " + line);
        return line;
    }

    @Test
    void eachNewRouteReadsOnceAndWritesOnce() {
        for (int size : List.of(3, 100)) {
            List<String> ids = ids(size);
            String cid = collection(ids);

            recorder.reset();
            List<String> reversed = new ArrayList<>(ids);
            Collections.reverse(reversed);
            measure("PUT order (" + size + " images)", append.handleRequest(GatewayEvents.request(ApiRoute.REORDER_IMAGES).as(user)
                    .path("collectionId", cid).body(order(reversed)).build(), null), 200);
            assertEquals(List.of("GetItem", "UpdateItem"), recorder.calls.stream().map(c -> c.split(" ")[0]).toList());
            assertTrue(recorder.reads > 0 && recorder.writes >= 1);

            recorder.reset();
            measure("DELETE image (" + size + " images)", delete.handleRequest(GatewayEvents.request(ApiRoute.DELETE_IMAGE).as(user)
                    .path("collectionId", cid).path("imageId", reversed.getFirst()).build(), null), 200);
            assertEquals(List.of("GetItem", "UpdateItem"), recorder.calls.stream().map(c -> c.split(" ")[0]).toList());
            assertTrue(recorder.reads > 0 && recorder.writes >= 1);

            recorder.reset();
            APIGatewayV2HTTPResponse deleted = delete.handleRequest(GatewayEvents.request(ApiRoute.DELETE_COLLECTION).as(user)
                    .path("collectionId", cid).build(), null);
            measure("DELETE collection (" + (size - 1) + " images)", deleted, 204);
            assertEquals(List.of("DeleteItem"), recorder.calls.stream().map(c -> c.split(" ")[0]).toList());
            assertEquals(0.0, recorder.reads);
            assertTrue(recorder.writes >= 1);
        }
    }
}
