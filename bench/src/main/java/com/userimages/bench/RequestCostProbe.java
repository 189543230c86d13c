package com.userimages.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.Setting;
import com.userimages.contract.Settings;
import com.userimages.core.data.AwsClients;
import com.userimages.core.http.GatewayEvents;
import com.userimages.handlers.AppendCollectionHandler;
import com.userimages.handlers.DeleteItemHandler;
import com.userimages.wiring.FunctionComponents;
import com.userimages.handlers.GetItemHandler;
import com.userimages.handlers.ListPageHandler;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * What one request of each route costs: the capacity units the real handlers consume on dynalite
 * (from {@code ConsumedCapacity}, which an interceptor asks for), priced at on-demand rates,
 * plus Lambda (requests and GB-seconds at the deployed 1 GB, from the warm handler time measured
 * here) and the HTTP API's per-request price. A write refused by its condition reports no capacity on
 * dynalite but is billed by DynamoDB: it is counted as the stored item's size in write units
 * (at least 1). A benchmark, not a test: it prints a table and asserts nothing.
 *
 * <p>Usage: {@code java -cp "bench/target/user-images-bench.jar:bench/target/lib/*" com.userimages.bench.RequestCostProbe}
 */
public final class RequestCostProbe {
    // us-east-1 list prices (aws.amazon.com/dynamodb/pricing/on-demand, /lambda/pricing,
    // /api-gateway/pricing), read 2026-12-01; after the free tiers.
    static final double USD_PER_MILLION_WRU = 0.625;
    static final double USD_PER_MILLION_RRU = 0.125;
    static final double USD_PER_GB_SECOND_ARM64 = 0.0000133334;
    static final double USD_PER_MILLION_LAMBDA_REQUESTS = 0.20;
    static final double USD_PER_MILLION_HTTP_API_REQUESTS = 1.00;
    static final double LAMBDA_MEMORY_GB = 1.0;

    private static final int IMAGES = 20;
    private static final int WARM_CALLS = 30;

    /** Asks every item and query call for its consumed capacity and keeps the sums. */
    static final class CapacityRecorder implements ExecutionInterceptor {
        double reads;
        double writes;
        double refusedWrites;
        boolean refusalAwaitingItem;
        int calls;

        @Override
        public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
            return switch (context.request()) {
                case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
                case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
                case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
                case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
                case QueryRequest r -> r.toBuilder().returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build();
                default -> context.request();
            };
        }

        @Override
        public synchronized void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            calls++;
            ConsumedCapacity consumed = switch (context.response()) {
                case GetItemResponse r -> r.consumedCapacity();
                case PutItemResponse r -> r.consumedCapacity();
                case UpdateItemResponse r -> r.consumedCapacity();
                case DeleteItemResponse r -> r.consumedCapacity();
                case QueryResponse r -> r.consumedCapacity();
                default -> null;
            };
            // The refusal's consistent read that follows it has the stored item: its size is what the refused write is billed.
            if (refusalAwaitingItem && context.response() instanceof GetItemResponse read && read.hasItem()) {
                refusedWrites += Math.max(1, Math.ceil(itemBytes(read.item()) / 1024.0)) - 1;
                refusalAwaitingItem = false;
            }
            if (consumed == null || consumed.capacityUnits() == null) return;
            // The engine reports a total only: reads for GetItem and Query, writes for the rest.
            if (context.response() instanceof GetItemResponse || context.response() instanceof QueryResponse) {
                reads += consumed.capacityUnits();
            } else {
                writes += consumed.capacityUnits();
            }
        }

        @Override
        public synchronized void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            calls++;
            if (context.exception() instanceof ConditionalCheckFailedException refused) {
                // Billed as a write of the stored item's size (1 KB units), at least one unit: one now, the
                // rest when the item is read back (the functions classify a refusal by a consistent read).
                refusedWrites += 1;
                refusalAwaitingItem = !refused.hasItem();
                if (refused.hasItem()) refusedWrites += Math.max(1, Math.ceil(itemBytes(refused.item()) / 1024.0)) - 1;
            }
        }

        /** DynamoDB's item size rules, roughly: names and values in UTF-8, numbers ~1 byte per 2 digits, 3 bytes per list or map. */
        static long itemBytes(Map<String, AttributeValue> item) {
            long bytes = 0;
            for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
                bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length + valueBytes(e.getValue());
            }
            return bytes;
        }

        private static long valueBytes(AttributeValue v) {
            if (v.s() != null) return v.s().getBytes(StandardCharsets.UTF_8).length;
            if (v.n() != null) return v.n().length() / 2 + 1;
            if (v.hasSs()) return v.ss().stream().mapToLong(x -> x.getBytes(StandardCharsets.UTF_8).length).sum();
            if (v.hasL()) return 3 + v.l().stream().mapToLong(x -> 1 + valueBytes(x)).sum();
            if (v.hasM()) return 3 + itemBytes(v.m()) + v.m().size();
            return 1;
        }

        synchronized void reset() {
            reads = 0;
            writes = 0;
            refusedWrites = 0;
            refusalAwaitingItem = false;
            calls = 0;
        }
    }

    record Row(String route, String scenario, int status, int calls, double rru, double wru, double refusedWru, double warmMs) {
        double dynamoDbUsdPerMillion() {
            return rru * USD_PER_MILLION_RRU + (wru + refusedWru) * USD_PER_MILLION_WRU;
        }

        double lambdaUsdPerMillion() {
            // Lambda bills duration in 1 ms steps.
            return Math.ceil(warmMs) / 1000.0 * LAMBDA_MEMORY_GB * USD_PER_GB_SECOND_ARM64 * 1_000_000
                    + USD_PER_MILLION_LAMBDA_REQUESTS;
        }

        double totalUsdPerMillion() {
            return dynamoDbUsdPerMillion() + lambdaUsdPerMillion() + USD_PER_MILLION_HTTP_API_REQUESTS;
        }
    }

    private RequestCostProbe() {}

    public static void main(String[] args) throws Exception {
        try (BenchDynamoDb dynamoDb = BenchDynamoDb.start()) {
            print(measure(dynamoDb.endpoint(), dynamoDb.credentials()));
        }
        System.exit(0);
    }

    static List<Row> measure(String endpoint, AwsCredentialsProvider credentials) throws Exception {
        CapacityRecorder recorder = new CapacityRecorder();
        DynamoDbClient client = DynamoDbClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(AwsClients.LOCAL_DEFAULT_REGION))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(recorder))
                .build();
        Settings settings = Settings.from(Map.of(
                Setting.DYNAMODB_ENDPOINT.name(), endpoint,
                Setting.PAGE_TOKEN_SECRET.name(), "cost-probe-secret-" + UUID.randomUUID())::get);
        FunctionComponents components = FunctionComponents.builder(settings).dynamoDb(client).build();
        components.tableAdmin().ensureTable(Duration.ofSeconds(20));
        var append = new AppendCollectionHandler(components);
        var get = new GetItemHandler(components);
        var list = new ListPageHandler(components);
        var delete = new DeleteItemHandler(components);

        String user = "cost-probe-" + UUID.randomUUID();
        List<String> imageIds = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) imageIds.add(UUID.randomUUID().toString());
        String createBody = createBody(UUID.randomUUID().toString(), imageIds);
        // Enough collections for a full listing page.
        for (int i = 0; i < 20; i++) call(append, GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(user)
                .body(createBody(UUID.randomUUID().toString(), imageIds)).build());

        List<Row> rows = new ArrayList<>();
        String cid = UUID.randomUUID().toString();
        String body = createBody(cid, imageIds);
        rows.add(row(recorder, ApiRoute.CREATE_COLLECTION, IMAGES + " images, new", append,
                () -> GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(user).body(createBody(UUID.randomUUID().toString(), imageIds)).build()));
        call(append, GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(user).body(body).build());
        rows.add(row(recorder, ApiRoute.CREATE_COLLECTION, "replay (refused put)", append,
                () -> GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(user).body(body).build()));
        rows.add(row(recorder, ApiRoute.APPEND_IMAGES, "1 image onto " + IMAGES, append,
                () -> GatewayEvents.request(ApiRoute.APPEND_IMAGES).as(user).path("collectionId", freshCollection(append, user, imageIds))
                        .body("{\"images\":[{\"url\":\"https://images.example/extra.jpg\"}]}").build()));
        String retried = UUID.randomUUID().toString();
        call(append, GatewayEvents.request(ApiRoute.APPEND_IMAGES).as(user).path("collectionId", cid)
                .body("{\"images\":[{\"imageId\":\"" + retried + "\",\"url\":\"https://images.example/r.jpg\"}]}").build());
        rows.add(row(recorder, ApiRoute.APPEND_IMAGES, "retry, already applied", append,
                () -> GatewayEvents.request(ApiRoute.APPEND_IMAGES).as(user).path("collectionId", cid)
                        .body("{\"images\":[{\"imageId\":\"" + retried + "\",\"url\":\"https://images.example/r.jpg\"}]}").build()));
        rows.add(row(recorder, ApiRoute.GET_COLLECTION, IMAGES + 1 + " images", get,
                () -> GatewayEvents.request(ApiRoute.GET_COLLECTION).as(user).path("collectionId", cid).build()));
        rows.add(row(recorder, ApiRoute.GET_IMAGE, "one of " + (IMAGES + 1), get,
                () -> GatewayEvents.request(ApiRoute.GET_IMAGE).as(user).path("collectionId", cid).path("imageId", imageIds.get(5)).build()));
        rows.add(row(recorder, ApiRoute.LIST_COLLECTIONS, "page of 20", list,
                () -> GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).as(user).query("limit", "20").build()));
        rows.add(row(recorder, ApiRoute.LIST_COLLECTIONS, "page of 20, minImages filter", list,
                () -> GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).as(user).query("limit", "20").query("minImages", "5").build()));
        rows.add(row(recorder, ApiRoute.REORDER_IMAGES, IMAGES + " images reversed", append, () -> {
            String fresh = freshCollection(append, user, imageIds);
            List<String> reversed = new ArrayList<>(imageIds);
            Collections.reverse(reversed);
            return GatewayEvents.request(ApiRoute.REORDER_IMAGES).as(user).path("collectionId", fresh)
                    .body("{\"imageIds\":" + json(reversed) + "}").build();
        }));
        rows.add(row(recorder, ApiRoute.DELETE_IMAGE, "first of " + IMAGES, delete,
                () -> GatewayEvents.request(ApiRoute.DELETE_IMAGE).as(user).path("collectionId", freshCollection(append, user, imageIds))
                        .path("imageId", imageIds.getFirst()).build()));
        rows.add(row(recorder, ApiRoute.DELETE_COLLECTION, IMAGES + " images", delete,
                () -> GatewayEvents.request(ApiRoute.DELETE_COLLECTION).as(user).path("collectionId", freshCollection(append, user, imageIds)).build()));
        rows.add(row(recorder, ApiRoute.DELETE_COLLECTION, "retried (404)", delete,
                () -> GatewayEvents.request(ApiRoute.DELETE_COLLECTION).as(user).path("collectionId", UUID.randomUUID().toString()).build()));
        return rows;
    }

    /** Builds the event outside the measured part (a setup request's capacity is not the route's). */
    private static Row row(CapacityRecorder recorder, ApiRoute route, String scenario,
                           RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                           Supplier<APIGatewayV2HTTPEvent> event) {
        // Warm-up, so the time is a warm handler's, as most requests are.
        for (int i = 0; i < 5; i++) call(handler, event.get());
        long[] nanos = new long[WARM_CALLS];
        int status = 0;
        double rru = 0, wru = 0, refused = 0;
        int calls = 0;
        for (int i = 0; i < WARM_CALLS; i++) {
            APIGatewayV2HTTPEvent e = event.get();
            recorder.reset();
            long start = System.nanoTime();
            status = call(handler, e);
            nanos[i] = System.nanoTime() - start;
            rru = recorder.reads;
            wru = recorder.writes;
            refused = recorder.refusedWrites;
            calls = recorder.calls;
        }
        Arrays.sort(nanos);
        return new Row(route.routeKey(), scenario, status, calls, rru, wru, refused, nanos[WARM_CALLS / 2] / 1e6);
    }

    private static int call(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler, APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, null).getStatusCode();
    }

    private static String freshCollection(AppendCollectionHandler append, String user, List<String> imageIds) {
        String cid = UUID.randomUUID().toString();
        call(append, GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(user).body(createBody(cid, imageIds)).build());
        return cid;
    }

    private static String createBody(String cid, List<String> imageIds) {
        StringBuilder images = new StringBuilder();
        for (int i = 0; i < imageIds.size(); i++) {
            if (i > 0) images.append(',');
            images.append("{\"imageId\":\"").append(imageIds.get(i))
                    .append("\",\"url\":\"https://images.example.com/albums/2026/holiday/photo-").append(i).append(".jpg\"}");
        }
        return "{\"imagesCollectionId\":\"" + cid + "\",\"images\":[" + images + "]}";
    }

    private static String json(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").reduce((a, b) -> a + "," + b).map(s -> "[" + s + "]").orElse("[]");
    }

    private static void print(List<Row> rows) {
        System.out.printf(Locale.ROOT, "Cost per request on dynalite (%d-image collections, urls ~60 characters), "
                + "warm handler time on this machine, %d calls per row (median)%n%n", IMAGES, WARM_CALLS);
        System.out.println("| route | scenario | status | DynamoDB calls | RRU | WRU | refused-write WRU | warm ms |"
                + " DynamoDB $/M | Lambda $/M | HTTP API $/M | total $/M |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| `%s` | %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %.2f | %.2f |%n",
                    r.route(), r.scenario(), r.status(), r.calls(), r.rru(), r.wru(), r.refusedWru(), r.warmMs(),
                    r.dynamoDbUsdPerMillion(), r.lambdaUsdPerMillion(), USD_PER_MILLION_HTTP_API_REQUESTS, r.totalUsdPerMillion());
        }
        System.out.printf(Locale.ROOT, "%nPrices (us-east-1, on demand): DynamoDB $%.3f per million WRU, $%.3f per million RRU;"
                + " Lambda arm64 $%.10f per GB-second at %.0f GB plus $%.2f per million requests; HTTP API $%.2f per million requests.%n",
                USD_PER_MILLION_WRU, USD_PER_MILLION_RRU, USD_PER_GB_SECOND_ARM64, LAMBDA_MEMORY_GB,
                USD_PER_MILLION_LAMBDA_REQUESTS, USD_PER_MILLION_HTTP_API_REQUESTS);
    }
}
