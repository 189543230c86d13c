package com.userimages.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.Scopes;
import com.userimages.contract.openapi.OpenApiContract;
import com.userimages.core.data.CollectionRepository;
import com.userimages.core.data.TableAdmin;
import com.userimages.core.model.Bounds;
import com.userimages.core.http.GatewayEvents;
import com.userimages.core.model.ImageRef;
import com.userimages.core.service.ListCollectionsService;
import com.userimages.core.pagination.PageTokenCodec;
import com.userimages.core.pagination.PageTokenSecrets;
import com.userimages.core.pagination.ReadBudget;
import com.userimages.core.service.CollectionService;
import com.userimages.core.service.RetryPacing;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.ETags;
import com.userimages.testing.Responses;
import com.userimages.testing.TestApi;
import com.userimages.testing.UploadedImages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateTableResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ItemCollectionSizeLimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Every response the handlers can give, on their success and error paths (the test engine,
 * and injected faults for what it cannot produce), validated against openapi.yaml: a documented
 * status, a body matching that response's schema, the documented headers. Where a request body
 * was sent, the document's request schema must agree with the handler: it accepts every body the
 * handler accepted, and rejects the malformed ones the handler refused.
 */
@ExtendWith(DynamoDbExtension.class)
class ResponsesMatchOpenApiTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.load();

    private static final Set<String> VALIDATED = new TreeSet<>();

    private static final String URL = "https://img.example/a.jpg";
    private final TestApi api = new TestApi();

    /** What the request schema must say about the body that was sent. */
    private enum RequestSchema { ACCEPTS, REJECTS, NOT_CHECKED }

    private record Case(String name, ApiRoute route, int status, OpenApiContract.Request request, RequestSchema requestSchema,
                        Supplier<APIGatewayV2HTTPResponse> call) {}

    @TestFactory
    Stream<DynamicTest> everyReachableResponseMatchesTheDocument() {
        String user = TestApi.newUser();
        String existing = id(api.create(user, images(URL)));
        String imageId = Responses.body(api.get(user, existing)).get("images").get(0).get("imageId").asText();
        String empty = id(api.create(user, "{\"images\":[]}"));
        String replayId = UUID.randomUUID().toString();
        String replayBody = "{\"imagesCollectionId\":\"" + replayId + "\",\"timestamp\":\"2026-05-01T14:00:00+02:00\",\"images\":[{\"url\":\"" + URL + "\"}]}";
        api.create(user, replayBody);
        String missing = UUID.randomUUID().toString();
        String nextToken = Responses.body(api.list(user, "limit", "1")).at("/pagination/nextToken").asText();

        List<Case> cases = new ArrayList<>();
        // POST /collections
        String create = "{\"images\":[{\"url\":\"" + URL + "\"},{\"imageId\":\"" + UUID.randomUUID() + "\",\"url\":\"http://b.example/x?y=1\"}]}";
        cases.add(create("create", 201, user, create, RequestSchema.ACCEPTS));
        cases.add(create("create empty, nulls for optionals", 201, user,
                "{\"imagesCollectionId\":null,\"timestamp\":null,\"images\":[]}", RequestSchema.ACCEPTS));
        cases.add(create("create replay", 200, user, replayBody, RequestSchema.ACCEPTS));
        cases.add(create("create, same id other content", 409, user, replayBody.replace(URL, "https://other.example/b.jpg"), RequestSchema.ACCEPTS));
        cases.addAll(malformedBodies("create", (name, status, body, schema) -> create(name, status, user, body, schema), new String[][] {
                {"not JSON", "{images:[]}"},
                {"unknown field", "{\"images\":[],\"owner\":\"bob\"}"},
                {"unknown image field", "{\"images\":[{\"url\":\"" + URL + "\",\"size\":1}]}"},
                {"images missing", "{}"},
                {"images not an array", "{\"images\":{}}"},
                {"id of the wrong type", "{\"imagesCollectionId\":42,\"images\":[]}"},
                {"malformed id", "{\"imagesCollectionId\":\"123\",\"images\":[]}"},
                {"ftp url", "{\"images\":[{\"url\":\"ftp://a.example/x\"}]}"},
                {"url with a space", "{\"images\":[{\"url\":\"https://a.example/a b\"}]}"},
                {"url too long", "{\"images\":[{\"url\":\"https://a.example/" + "z".repeat(2040) + "\"}]}"},
                {"timestamp without offset", "{\"timestamp\":\"2026-01-01T00:00:00\",\"images\":[]}"},
                {"too many images", images(101)}}));
        cases.add(create("create: an imageId twice", 400, user, "{\"images\":[{\"imageId\":\"" + imageId + "\",\"url\":\"" + URL
                + "\"},{\"imageId\":\"" + imageId + "\",\"url\":\"" + URL + "\"}]}", RequestSchema.NOT_CHECKED));
        cases.add(create("create: body over 256 KB", 413, user,
                "{\"images\":[{\"url\":\"https://a.example/" + "z".repeat(270_000) + "\"}]}", RequestSchema.REJECTS));
        cases.add(call("create, a body sent as form data", ApiRoute.CREATE_COLLECTION, 415,
                () -> api.createWith(user, "{\"images\":[]}", "content-type", "application/x-www-form-urlencoded")));
        cases.add(call("create without claims", ApiRoute.CREATE_COLLECTION, 401, () -> appendHandler().handleRequest(
                GatewayEvents.request(ApiRoute.CREATE_COLLECTION).body("{\"images\":[]}").build(), null)));
        cases.add(call("create with an unusable (over-long) sub", ApiRoute.CREATE_COLLECTION, 401, () -> appendHandler().handleRequest(
                GatewayEvents.request(ApiRoute.CREATE_COLLECTION).claims(Map.of("sub", "s".repeat(257))).body("{\"images\":[]}").build(), null)));

        // POST /collections/{collectionId}/images
        String append = images("https://img.example/b.jpg");
        cases.add(append("append", 200, user, existing, append, RequestSchema.ACCEPTS));
        cases.add(append("append retried (nothing added)", 200, user, existing,
                "{\"images\":[{\"imageId\":\"" + imageId + "\",\"url\":\"" + URL + "\"}]}", RequestSchema.ACCEPTS));
        cases.add(append("append: an imageId there with another url", 409, user, existing,
                "{\"images\":[{\"imageId\":\"" + imageId + "\",\"url\":\"https://other.example/c.jpg\"}]}", RequestSchema.ACCEPTS));
        cases.add(append("append to a missing collection", 404, user, missing, append, RequestSchema.ACCEPTS));
        cases.add(append("append to another user's collection", 404, TestApi.newUser(), existing, append, RequestSchema.ACCEPTS));
        cases.add(append("append: no images", 400, user, existing, "{\"images\":[]}", RequestSchema.REJECTS));
        cases.add(append("append: unknown field", 400, user, existing, "{\"images\":[{\"url\":\"" + URL + "\"}],\"at\":0}", RequestSchema.REJECTS));
        cases.add(appendWith("append, a body sent as text", 415, user, existing, append, RequestSchema.NOT_CHECKED, "content-type", "text/plain"));
        cases.add(append("append: malformed collection id", 400, user, "not-a-uuid", append, RequestSchema.REJECTS));
        cases.add(new Case("append crossing the collection bound", ApiRoute.APPEND_IMAGES, 413,
                request(ApiRoute.APPEND_IMAGES, Map.of("collectionId", existing), Map.of(), images(3)), RequestSchema.ACCEPTS,
                () -> appendHandlerWithCollectionBound(2).handleRequest(GatewayEvents.request(ApiRoute.APPEND_IMAGES).as(user)
                        .path("collectionId", existing).body(images(3)).build(), null)));

        // GET /collections/{collectionId} and .../images/{imageId}
        cases.add(get("get", 200, user, existing, RequestSchema.ACCEPTS));
        cases.add(get("get an empty collection", 200, user, empty, RequestSchema.ACCEPTS));
        cases.add(get("get by the upper-case id", 200, user, existing.toUpperCase(), RequestSchema.ACCEPTS));
        cases.add(get("get missing", 404, user, missing, RequestSchema.ACCEPTS));
        cases.add(get("get another user's", 404, TestApi.newUser(), existing, RequestSchema.ACCEPTS));
        cases.add(get("get by a malformed id", 400, user, "123", RequestSchema.REJECTS));
        cases.add(call("get without claims", ApiRoute.GET_COLLECTION, 401, () -> new GetItemHandler(DynamoDbExtension.components()).handleRequest(
                GatewayEvents.request(ApiRoute.GET_COLLECTION).path("collectionId", existing).build(), null)));
        cases.add(getImage("get image", 200, user, existing, imageId, RequestSchema.ACCEPTS));
        cases.add(getImage("get image not there", 404, user, existing, missing, RequestSchema.ACCEPTS));
        cases.add(getImage("get image of a missing collection", 404, user, missing, imageId, RequestSchema.ACCEPTS));
        cases.add(getImage("get image by a malformed image id", 400, user, existing, "zz", RequestSchema.REJECTS));

        // GET /collections
        cases.add(list("list, first page", 200, user, RequestSchema.ACCEPTS, "limit", "1"));
        cases.add(list("list, following the token", 200, user, RequestSchema.ACCEPTS, "limit", "1", "nextToken", nextToken));
        cases.add(list("list, last page (null token, a null cover)", 200, user, RequestSchema.ACCEPTS, "order", "asc", "limit", "100"));
        cases.add(list("list, every parameter", 200, user, RequestSchema.ACCEPTS, "limit", "5", "order", "desc",
                "from", "2000-01-01T00:00:00Z", "to", "9999-12-31T23:59:59.999+01:00", "minImages", "1"));
        cases.add(list("list, nobody's data", 200, TestApi.newUser(), RequestSchema.ACCEPTS));
        cases.add(list("list, limit 0", 400, user, RequestSchema.REJECTS, "limit", "0"));
        cases.add(list("list, limit 101", 400, user, RequestSchema.REJECTS, "limit", "101"));
        cases.add(list("list, minImages 1001", 400, user, RequestSchema.REJECTS, "minImages", "1001"));
        cases.add(list("list, unknown parameter", 400, user, RequestSchema.REJECTS, "minimages", "1"));
        cases.add(list("list, bad order", 400, user, RequestSchema.REJECTS, "order", "up"));
        cases.add(list("list, timestamp without offset", 400, user, RequestSchema.REJECTS, "from", "2026-01-01T00:00:00"));
        cases.add(list("list, from after to", 400, user, RequestSchema.NOT_CHECKED,
                "from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z"));
        cases.add(list("list, altered token", 400, user, RequestSchema.NOT_CHECKED, "nextToken", nextToken + "A"));
        cases.add(list("list, another user's token", 400, TestApi.newUser(), RequestSchema.NOT_CHECKED, "limit", "1", "nextToken", nextToken));
        cases.add(call("list without claims", ApiRoute.LIST_COLLECTIONS, 401, () -> new ListPageHandler(DynamoDbExtension.components()).handleRequest(
                GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).build(), null)));


        // Conditional GETs and appends (a collection of its own, so its version stays 1)
        String cached = id(api.create(user, images(URL, "https://img.example/second.jpg")));
        String cachedInc = ETags.incarnation(user, cached);
        String cachedImage = Responses.body(api.get(user, cached)).get("images").get(0).get("imageId").asText();
        cases.add(getWith("get, If-None-Match current", 304, user, cached, RequestSchema.ACCEPTS, "if-none-match", "\"1." + cachedInc + "\""));
        cases.add(getWith("get, If-None-Match weak and in a list", 304, user, cached, RequestSchema.ACCEPTS, "if-none-match", "\"7." + cachedInc + "\", W/\"1." + cachedInc + "\""));
        cases.add(getWith("get, If-None-Match stale", 200, user, cached, RequestSchema.ACCEPTS, "if-none-match", "\"9." + cachedInc + "\""));
        cases.add(getWith("get, If-None-Match malformed", 400, user, cached, RequestSchema.REJECTS, "if-none-match", "1"));
        cases.add(getImageWith("get image, If-None-Match *", 304, user, cached, cachedImage, RequestSchema.ACCEPTS, "if-none-match", "*"));
        cases.add(getImageWith("get image, If-None-Match malformed", 400, user, cached, cachedImage, RequestSchema.REJECTS, "if-none-match", "W/"));
        cases.add(appendWith("append, If-Match stale", 412, user, cached, images("https://img.example/c.jpg"), RequestSchema.ACCEPTS, "if-match", "\"9." + cachedInc + "\""));
        cases.add(appendWith("append, If-Match weak (never matches)", 412, user, cached, images("https://img.example/c.jpg"), RequestSchema.ACCEPTS, "if-match", "W/\"1." + cachedInc + "\""));
        cases.add(appendWith("append, If-Match malformed", 400, user, cached, images("https://img.example/c.jpg"), RequestSchema.REJECTS, "if-match", "1"));
        cases.add(appendWith("append to a missing collection, If-Match", 404, user, missing, images("https://img.example/c.jpg"), RequestSchema.ACCEPTS, "if-match", "\"1\""));

        // PUT /collections/{collectionId}/order
        String a = UUID.randomUUID().toString(), b = UUID.randomUUID().toString();
        String ordered = id(api.create(user, "{\"images\":[{\"imageId\":\"" + a + "\",\"url\":\"" + URL + "\"},{\"imageId\":\"" + b
                + "\",\"url\":\"https://img.example/b.jpg\"}]}"));
        String orderedInc = ETags.incarnation(user, ordered);
        cases.add(reorder("reorder, stale If-Match", 412, user, ordered, order(b, a), RequestSchema.ACCEPTS, "if-match", "\"9." + orderedInc + "\""));
        cases.add(reorder("reorder", 200, user, ordered, order(b, a), RequestSchema.ACCEPTS, "if-match", "\"1." + orderedInc + "\""));
        cases.add(reorder("reorder, the current order (no-op)", 200, user, ordered, order(b, a), RequestSchema.ACCEPTS));
        cases.add(reorder("reorder, an id missing", 409, user, ordered, order(a), RequestSchema.ACCEPTS));
        cases.add(reorder("reorder, an id twice", 409, user, ordered, order(a, a, b), RequestSchema.ACCEPTS));
        cases.add(reorder("reorder, an id not in the collection", 409, user, ordered, order(a, b, missing), RequestSchema.ACCEPTS));
        cases.add(reorder("reorder a missing collection", 404, user, missing, order(a, b), RequestSchema.ACCEPTS));
        cases.add(reorder("reorder another user's collection", 404, TestApi.newUser(), ordered, order(a, b), RequestSchema.ACCEPTS));
        cases.add(reorder("reorder, a body sent as text", 415, user, ordered, order(a, b), RequestSchema.NOT_CHECKED,
                "content-type", "text/plain; charset=utf-8"));
        cases.add(reorder("reorder, malformed If-Match", 400, user, ordered, order(a, b), RequestSchema.REJECTS, "if-match", "3"));
        cases.addAll(malformedBodies("reorder", (name, status, body, schema) -> reorder(name, status, user, ordered, body, schema), new String[][] {
                {"not JSON", "{imageIds:[]}"},
                {"imageIds missing", "{}"},
                {"imageIds not an array", "{\"imageIds\":\"" + a + "\"}"},
                {"unknown field", "{\"imageIds\":[],\"at\":0}"},
                {"a malformed id", "{\"imageIds\":[\"zz\"]}"},
                {"an id of the wrong type", "{\"imageIds\":[42]}"}}));
        cases.add(reorder("reorder: body over 256 KB", 413, user, ordered,
                "{\"imageIds\":[\"" + "z".repeat(270_000) + "\"]}", RequestSchema.REJECTS));
        cases.add(call("reorder without claims", ApiRoute.REORDER_IMAGES, 401, () -> appendHandler().handleRequest(
                GatewayEvents.request(ApiRoute.REORDER_IMAGES).path("collectionId", ordered).body(order(a, b)).build(), null)));

        // Uploaded images: presigned urls, their type, size and expiry, and the Cache-Control that comes with them.
        String uploader = TestApi.newUser();
        String withUpload = UUID.randomUUID().toString(), linked = UUID.randomUUID().toString();
        String withUploadBody = "{\"imagesCollectionId\":\"" + withUpload + "\",\"images\":[{\"imageId\":\"" + linked + "\",\"url\":\"" + URL + "\"}]}";
        api.create(uploader, withUploadBody);
        ImageRef upload = UploadedImages.append(uploader, withUpload, "image/webp", new byte[] {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'});
        String uploadTag = "\"2." + ETags.incarnation(uploader, withUpload) + "\"";
        cases.add(presigned(get("get, an uploaded image", 200, uploader, withUpload, RequestSchema.ACCEPTS)));
        cases.add(presigned(getImage("get image, uploaded", 200, uploader, withUpload, upload.imageId(), RequestSchema.ACCEPTS)));
        cases.add(presigned(getWith("get, an uploaded image, If-None-Match current", 304, uploader, withUpload, RequestSchema.ACCEPTS,
                "if-none-match", uploadTag)));
        cases.add(presigned(getImageWith("get image, uploaded, If-None-Match current", 304, uploader, withUpload, upload.imageId(),
                RequestSchema.ACCEPTS, "if-none-match", uploadTag)));
        cases.add(presigned(create("create replay, an upload appended since", 200, uploader, withUploadBody, RequestSchema.ACCEPTS)));
        cases.add(presigned(reorder("reorder, the upload first", 200, uploader, withUpload,
                "{\"imageIds\":[\"" + upload.imageId() + "\",\"" + linked + "\"]}", RequestSchema.ACCEPTS)));
        cases.add(presigned(list("list, an uploaded cover", 200, uploader, RequestSchema.ACCEPTS)));

        // DELETE /collections/{collectionId}/images/{imageId}
        String x = UUID.randomUUID().toString(), y = UUID.randomUUID().toString();
        String trimmed = id(api.create(user, "{\"images\":[{\"imageId\":\"" + x + "\",\"url\":\"" + URL + "\"},{\"imageId\":\"" + y
                + "\",\"url\":\"https://img.example/y.jpg\"}]}"));
        String trimmedInc = ETags.incarnation(user, trimmed);
        cases.add(deleteImage("delete image, stale If-Match", 412, user, trimmed, x, RequestSchema.ACCEPTS, "if-match", "\"9." + trimmedInc + "\""));
        cases.add(deleteImage("delete image", 200, user, trimmed, x, RequestSchema.ACCEPTS, "if-match", "\"1." + trimmedInc + "\""));
        cases.add(deleteImage("delete image, retried", 404, user, trimmed, x, RequestSchema.ACCEPTS));
        cases.add(deleteImage("delete image of a missing collection", 404, user, missing, y, RequestSchema.ACCEPTS));
        cases.add(deleteImage("delete image of another user's collection", 404, TestApi.newUser(), trimmed, y, RequestSchema.ACCEPTS));
        cases.add(deleteImage("delete image by a malformed image id", 400, user, trimmed, "zz", RequestSchema.REJECTS));
        cases.add(deleteImage("delete image, malformed If-Match", 400, user, trimmed, y, RequestSchema.REJECTS, "if-match", "*, \"1\""));
        String p = UUID.randomUUID().toString(), q = UUID.randomUUID().toString();
        String raced = id(api.create(user, "{\"images\":[{\"imageId\":\"" + p + "\",\"url\":\"" + URL + "\"},{\"imageId\":\"" + q
                + "\",\"url\":\"https://img.example/q.jpg\"}]}"));
        cases.add(call("delete image, its element moved before every attempt", ApiRoute.DELETE_IMAGE, 409,
                () -> new DeleteItemHandler(DynamoDbExtension.componentsBuilder().collectionService(new CollectionService(new CollectionRepository(movingUnderEveryWrite(user, raced), "user_images"),
                        new Bounds(100, 1000), pausesThatTakeNoTime())).build()).handleRequest(GatewayEvents.request(ApiRoute.DELETE_IMAGE).as(user)
                        .path("collectionId", raced).path("imageId", q).build(), null)));
        cases.add(deleteImage("delete the last image", 200, user, trimmed, y, RequestSchema.ACCEPTS));
        cases.add(call("delete image without claims", ApiRoute.DELETE_IMAGE, 401, () -> new DeleteItemHandler(DynamoDbExtension.components())
                .handleRequest(GatewayEvents.request(ApiRoute.DELETE_IMAGE).path("collectionId", trimmed).path("imageId", y).build(), null)));

        // DELETE /collections/{collectionId}
        String doomed = id(api.create(user, images(URL)));
        String doomedInc = ETags.incarnation(user, doomed);
        cases.add(deleteCollection("delete, stale If-Match", 412, user, doomed, RequestSchema.ACCEPTS, "if-match", "\"9." + doomedInc + "\""));
        cases.add(deleteCollection("delete, malformed If-Match", 400, user, doomed, RequestSchema.REJECTS, "if-match", "\"1"));
        cases.add(deleteCollection("delete another user's", 404, TestApi.newUser(), doomed, RequestSchema.ACCEPTS));
        cases.add(deleteCollection("delete", 204, user, doomed, RequestSchema.ACCEPTS, "if-match", "\"1." + doomedInc + "\""));
        cases.add(deleteCollection("delete, retried", 404, user, doomed, RequestSchema.ACCEPTS));
        cases.add(deleteCollection("delete by a malformed id", 400, user, "123", RequestSchema.REJECTS));
        cases.add(call("delete without claims", ApiRoute.DELETE_COLLECTION, 401, () -> new DeleteItemHandler(DynamoDbExtension.components())
                .handleRequest(GatewayEvents.request(ApiRoute.DELETE_COLLECTION).path("collectionId", existing).build(), null)));

        // POST /admin/table
        cases.add(call("create table, already there", ApiRoute.CREATE_TABLE, 200, () -> new CreateTableHandler(DynamoDbExtension.components()).handleRequest(admin(), null)));
        cases.add(call("create table, created", ApiRoute.CREATE_TABLE, 201, () -> new CreateTableHandler(DynamoDbExtension.componentsBuilder().tableAdmin(new TableAdmin(DynamoDbExtension.client(), freshTableName())).build()).handleRequest(admin(), null)));
        cases.add(call("create table, still creating", ApiRoute.CREATE_TABLE, 202, () -> new CreateTableHandler(DynamoDbExtension.componentsBuilder().tableAdmin(new TableAdmin(stillCreating(), "user_images")).tableCreationWait(Duration.ofMillis(50)).build()).handleRequest(admin(), null)));
        cases.add(call("create table, another schema", ApiRoute.CREATE_TABLE, 409, () -> new CreateTableHandler(DynamoDbExtension.componentsBuilder().tableAdmin(new TableAdmin(DynamoDbExtension.client(), tableWithAnotherSchema())).build()).handleRequest(admin(), null)));
        cases.add(call("create table without the scope", ApiRoute.CREATE_TABLE, 403, () -> new CreateTableHandler(DynamoDbExtension.components()).handleRequest(
                GatewayEvents.request(ApiRoute.CREATE_TABLE).as(TestApi.newUser(), "images/read").build(), null)));
        cases.add(call("create table without claims", ApiRoute.CREATE_TABLE, 401, () -> new CreateTableHandler(DynamoDbExtension.components()).handleRequest(
                GatewayEvents.request(ApiRoute.CREATE_TABLE).build(), null)));

        // Faults no engine produces.
        Supplier<SdkException> throttled = () -> ProvisionedThroughputExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ProvisionedThroughputExceededException").build()).build();
        Supplier<SdkException> timeout = () -> ApiCallAttemptTimeoutException.create(5000);
        Supplier<SdkException> lsiFull = () -> ItemCollectionSizeLimitExceededException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ItemCollectionSizeLimitExceededException").build()).build();
        cases.add(call("get, throttled", ApiRoute.GET_COLLECTION, 429, () -> getWith(failing(throttled), existing)));
        cases.add(call("get, DynamoDB timing out", ApiRoute.GET_COLLECTION, 503, () -> getWith(failing(timeout), existing)));
        cases.add(call("get, a bug", ApiRoute.GET_COLLECTION, 500, () -> getWith(failing(() -> {
            throw new IllegalStateException("bug");
        }), existing)));
        cases.add(call("create, throttled", ApiRoute.CREATE_COLLECTION, 429, () -> createWith(failing(throttled))));
        cases.add(call("create, the caller's 10 GB full", ApiRoute.CREATE_COLLECTION, 413, () -> createWith(failing(lsiFull))));
        cases.add(call("list, DynamoDB timing out", ApiRoute.LIST_COLLECTIONS, 503, () -> listWith(failing(timeout))));
        cases.add(call("list, throttled", ApiRoute.LIST_COLLECTIONS, 429, () -> listWith(failing(throttled))));
        cases.add(call("reorder, throttled", ApiRoute.REORDER_IMAGES, 429, () -> appendHandler(failing(throttled), new Bounds(100, 1000))
                .handleRequest(GatewayEvents.request(ApiRoute.REORDER_IMAGES).as(TestApi.newUser()).path("collectionId", existing)
                        .body(order(a, b)).build(), null)));
        cases.add(call("delete, throttled", ApiRoute.DELETE_COLLECTION, 429, () -> deleteWith(failing(throttled))
                .handleRequest(GatewayEvents.request(ApiRoute.DELETE_COLLECTION).as(TestApi.newUser()).path("collectionId", existing).build(), null)));
        cases.add(call("delete image, DynamoDB timing out", ApiRoute.DELETE_IMAGE, 503, () -> deleteWith(failing(timeout))
                .handleRequest(GatewayEvents.request(ApiRoute.DELETE_IMAGE).as(TestApi.newUser()).path("collectionId", existing)
                        .path("imageId", imageId).build(), null)));

        return cases.stream().map(c -> DynamicTest.dynamicTest(c.route().routeKey() + " -> " + c.status() + ": " + c.name(), () -> run(c)));
    }

    private static void run(Case c) {
        APIGatewayV2HTTPResponse response = c.call().get();
        assertEquals(c.status(), response.getStatusCode(), () -> c.name() + ": unexpected status; body: " + response.getBody());
        CONTRACT.assertConforms(c.route().method(), c.route().pathTemplate(), response.getStatusCode(), response.getHeaders(), response.getBody());
        if (c.requestSchema() != RequestSchema.NOT_CHECKED) {
            List<String> problems = CONTRACT.requestProblems(c.request());
            if (c.requestSchema() == RequestSchema.ACCEPTS) {
                assertEquals(List.of(), problems, c.name() + ": the document must accept this request");
            } else {
                assertFalse(problems.isEmpty(), c.name() + ": the handler refused this request as malformed, so the document must too");
            }
        }
        synchronized (VALIDATED) {
            VALIDATED.add(c.route().routeKey() + " " + response.getStatusCode());
        }
    }

    /** The statuses each handler can give; the run above must have validated every one of them. */
    @AfterAll
    static void everyReachableStatusWasValidated() {
        Set<String> expected = new TreeSet<>();
        add(expected, ApiRoute.CREATE_COLLECTION, 200, 201, 400, 401, 409, 413, 415, 429);
        add(expected, ApiRoute.APPEND_IMAGES, 200, 400, 404, 409, 412, 413, 415);
        add(expected, ApiRoute.GET_COLLECTION, 200, 304, 400, 401, 404, 429, 500, 503);
        add(expected, ApiRoute.GET_IMAGE, 200, 304, 400, 404);
        add(expected, ApiRoute.REORDER_IMAGES, 200, 400, 401, 404, 409, 412, 413, 415, 429);
        add(expected, ApiRoute.DELETE_IMAGE, 200, 400, 401, 404, 409, 412, 503);
        add(expected, ApiRoute.DELETE_COLLECTION, 204, 400, 401, 404, 412, 429);
        add(expected, ApiRoute.LIST_COLLECTIONS, 200, 400, 401, 429, 503);
        add(expected, ApiRoute.CREATE_TABLE, 200, 201, 202, 401, 403, 409);
        assertTrue(VALIDATED.containsAll(expected), () -> "not validated: " + difference(expected, VALIDATED));
    }

    private static void add(Set<String> set, ApiRoute route, int... statuses) {
        for (int status : statuses) set.add(route.routeKey() + " " + status);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }

    /** The case, whose response must also carry the Cache-Control of presigned URLs (optional in the document). */
    private static Case presigned(Case c) {
        return new Case(c.name(), c.route(), c.status(), c.request(), c.requestSchema(), () -> {
            APIGatewayV2HTTPResponse response = c.call().get();
            assertTrue(response.getHeaders().getOrDefault("cache-control", "").startsWith("private, max-age="),
                    () -> c.name() + ": no Cache-Control: " + response.getHeaders());
            return response;
        });
    }

    /** A case of one operation, made from what varies between its cases. */
    private interface CaseOf {
        Case of(String name, int status, String body, RequestSchema schema);
    }

    /** For each malformed body ({label, body}), the operation's 400; the request schema must reject each of them too. */
    private static List<Case> malformedBodies(String operation, CaseOf operationCase, String[][] labelledBodies) {
        return Stream.of(labelledBodies).map(bad -> operationCase.of(operation + ": " + bad[0], 400, bad[1], RequestSchema.REJECTS)).toList();
    }

    private static Case call(String name, ApiRoute route, int status, Supplier<APIGatewayV2HTTPResponse> call) {
        return new Case(name, route, status, null, RequestSchema.NOT_CHECKED, call);
    }

    private Case create(String name, int status, String user, String body, RequestSchema schema) {
        return new Case(name, ApiRoute.CREATE_COLLECTION, status, request(ApiRoute.CREATE_COLLECTION, Map.of(), Map.of(), body), schema,
                () -> api.create(user, body));
    }

    private Case append(String name, int status, String user, String collectionId, String body, RequestSchema schema) {
        return new Case(name, ApiRoute.APPEND_IMAGES, status,
                request(ApiRoute.APPEND_IMAGES, Map.of("collectionId", collectionId), Map.of(), body), schema,
                () -> api.append(user, collectionId, body));
    }

    private Case get(String name, int status, String user, String collectionId, RequestSchema schema) {
        return new Case(name, ApiRoute.GET_COLLECTION, status,
                request(ApiRoute.GET_COLLECTION, Map.of("collectionId", collectionId), Map.of(), null), schema,
                () -> api.get(user, collectionId));
    }

    private Case getImage(String name, int status, String user, String collectionId, String imageId, RequestSchema schema) {
        return new Case(name, ApiRoute.GET_IMAGE, status,
                request(ApiRoute.GET_IMAGE, Map.of("collectionId", collectionId, "imageId", imageId), Map.of(), null), schema,
                () -> api.getImage(user, collectionId, imageId));
    }

    private Case list(String name, int status, String user, RequestSchema schema, String... nameValuePairs) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) query.put(nameValuePairs[i], nameValuePairs[i + 1]);
        return new Case(name, ApiRoute.LIST_COLLECTIONS, status, request(ApiRoute.LIST_COLLECTIONS, Map.of(), query, null), schema,
                () -> api.list(user, nameValuePairs));
    }

    private Case appendWith(String name, int status, String user, String collectionId, String body, RequestSchema schema, String... headers) {
        return new Case(name, ApiRoute.APPEND_IMAGES, status,
                request(ApiRoute.APPEND_IMAGES, Map.of("collectionId", collectionId), Map.of(), headers(headers), body), schema,
                () -> api.appendWith(user, collectionId, body, headers));
    }

    private Case getWith(String name, int status, String user, String collectionId, RequestSchema schema, String... headers) {
        return new Case(name, ApiRoute.GET_COLLECTION, status,
                request(ApiRoute.GET_COLLECTION, Map.of("collectionId", collectionId), Map.of(), headers(headers), null), schema,
                () -> api.getWith(user, collectionId, headers));
    }

    private Case getImageWith(String name, int status, String user, String collectionId, String imageId, RequestSchema schema,
                              String... headers) {
        return new Case(name, ApiRoute.GET_IMAGE, status,
                request(ApiRoute.GET_IMAGE, Map.of("collectionId", collectionId, "imageId", imageId), Map.of(), headers(headers), null),
                schema, () -> api.getImageWith(user, collectionId, imageId, headers));
    }

    private Case reorder(String name, int status, String user, String collectionId, String body, RequestSchema schema, String... headers) {
        return new Case(name, ApiRoute.REORDER_IMAGES, status,
                request(ApiRoute.REORDER_IMAGES, Map.of("collectionId", collectionId), Map.of(), headers(headers), body), schema,
                () -> api.reorder(user, collectionId, body, headers));
    }

    private Case deleteImage(String name, int status, String user, String collectionId, String imageId, RequestSchema schema,
                             String... headers) {
        return new Case(name, ApiRoute.DELETE_IMAGE, status,
                request(ApiRoute.DELETE_IMAGE, Map.of("collectionId", collectionId, "imageId", imageId), Map.of(), headers(headers), null),
                schema, () -> api.deleteImage(user, collectionId, imageId, headers));
    }

    private Case deleteCollection(String name, int status, String user, String collectionId, RequestSchema schema, String... headers) {
        return new Case(name, ApiRoute.DELETE_COLLECTION, status,
                request(ApiRoute.DELETE_COLLECTION, Map.of("collectionId", collectionId), Map.of(), headers(headers), null), schema,
                () -> api.deleteCollection(user, collectionId, headers));
    }

    /** Header name, value, name, value, ... as a map. */
    private static Map<String, String> headers(String... nameValuePairs) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) headers.put(nameValuePairs[i], nameValuePairs[i + 1]);
        return headers;
    }

    private static String order(String... imageIds) {
        StringBuilder json = new StringBuilder("{\"imageIds\":[");
        for (int i = 0; i < imageIds.length; i++) json.append(i == 0 ? "" : ",").append('"').append(imageIds[i]).append('"');
        return json.append("]}").toString();
    }

    /** The request as the handler gets it (GatewayEvents sends content-type and host, which the document does not describe). */
    private static OpenApiContract.Request request(ApiRoute route, Map<String, String> path, Map<String, String> query, String body) {
        return request(route, path, query, Map.of(), body);
    }

    private static OpenApiContract.Request request(ApiRoute route, Map<String, String> path, Map<String, String> query,
                                                   Map<String, String> headers, String body) {
        return new OpenApiContract.Request(route.method(), route.pathTemplate(), path, query, headers, body);
    }

    private static String id(APIGatewayV2HTTPResponse created) {
        return Responses.expect(201, created).get("imagesCollectionId").asText();
    }

    private static String images(String... urls) {
        StringBuilder json = new StringBuilder("{\"images\":[");
        for (int i = 0; i < urls.length; i++) json.append(i == 0 ? "" : ",").append("{\"url\":\"").append(urls[i]).append("\"}");
        return json.append("]}").toString();
    }

    private static String images(int count) {
        String[] urls = new String[count];
        for (int i = 0; i < count; i++) urls[i] = "https://img.example/" + i;
        return images(urls);
    }

    private static APIGatewayV2HTTPEvent admin() {
        return GatewayEvents.request(ApiRoute.CREATE_TABLE).as(TestApi.newUser(), Scopes.ADMIN).build();
    }

    private static String freshTableName() {
        return "user_images_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String tableWithAnotherSchema() {
        String name = freshTableName();
        DynamoDbExtension.client().createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
        return name;
    }

    private static AppendCollectionHandler appendHandler() {
        return appendHandlerWithCollectionBound(1000);
    }

    private static AppendCollectionHandler appendHandlerWithCollectionBound(int maxImagesPerCollection) {
        Bounds bounds = new Bounds(100, maxImagesPerCollection);
        return appendHandler(DynamoDbExtension.client(), bounds);
    }

    private static AppendCollectionHandler appendHandler(DynamoDbClient client, Bounds bounds) {
        return new AppendCollectionHandler(DynamoDbExtension.componentsBuilder().collectionService(new CollectionService(new CollectionRepository(client, "user_images"), bounds)).bounds(bounds).build());
    }

    private static APIGatewayV2HTTPResponse getWith(DynamoDbClient client, String collectionId) {
        var service = new CollectionService(new CollectionRepository(client, "user_images"), new Bounds(100, 1000));
        return new GetItemHandler(DynamoDbExtension.componentsBuilder().collectionService(service).build()).handleRequest(GatewayEvents.request(ApiRoute.GET_COLLECTION)
                .as(TestApi.newUser()).path("collectionId", collectionId).build(), null);
    }

    private static APIGatewayV2HTTPResponse createWith(DynamoDbClient client) {
        return appendHandler(client, new Bounds(100, 1000)).handleRequest(GatewayEvents.request(ApiRoute.CREATE_COLLECTION)
                .as(TestApi.newUser()).body(images(URL)).build(), null);
    }

    private static DeleteItemHandler deleteWith(DynamoDbClient client) {
        return new DeleteItemHandler(DynamoDbExtension.componentsBuilder().collectionService(new CollectionService(new CollectionRepository(client, "user_images"), new Bounds(100, 1000))).build());
    }

    /**
     * the test engine, except that just before each UpdateItem another request appends an image to
     * the collection: every version-guarded write is refused by its real condition.
     */
    /** A client before whose every write another one reverses the collection's order (of two images: each moves). */
    private DynamoDbClient movingUnderEveryWrite(String user, String collectionId) {
        DynamoDbClient real = DynamoDbExtension.client();
        return new DynamoDbClient() {
            @Override public String serviceName() { return "dynamodb"; }
            @Override public void close() {}
            @Override public GetItemResponse getItem(GetItemRequest request) { return real.getItem(request); }
            @Override public UpdateItemResponse updateItem(UpdateItemRequest request) {
                List<String> ids = new ArrayList<>();
                Responses.expect(200, api.get(user, collectionId)).get("images").forEach(i -> ids.add(i.get("imageId").asText()));
                Collections.reverse(ids);
                Responses.expect(200, api.reorder(user, collectionId, order(ids.toArray(String[]::new))));
                return real.updateItem(request);
            }
        };
    }

    /** Retry pauses on a clock of their own, advanced by each pause: a whole budget spent at once. */
    private static RetryPacing pausesThatTakeNoTime() {
        AtomicLong now = new AtomicLong();
        return new RetryPacing(now::get, now::addAndGet, new Random(3));
    }

    private static APIGatewayV2HTTPResponse listWith(DynamoDbClient client) {
        var service = new ListCollectionsService(new CollectionRepository(client, "user_images"),
                new PageTokenCodec(PageTokenSecrets.of("test-page-token-secret-0123456789abcdef", null)), new ReadBudget(2500, 10));
        return new ListPageHandler(DynamoDbExtension.componentsBuilder().listCollectionsService(service).build()).handleRequest(
                GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).as(TestApi.newUser()).build(), null);
    }

    /** A client whose every read and write fails with this fault. */
    private static DynamoDbClient failing(Supplier<? extends RuntimeException> fault) {
        return new DynamoDbClient() {
            @Override public String serviceName() { return "dynamodb"; }
            @Override public void close() {}
            @Override public GetItemResponse getItem(GetItemRequest request) { throw fault.get(); }
            @Override public PutItemResponse putItem(PutItemRequest request) { throw fault.get(); }
            @Override public QueryResponse query(QueryRequest request) { throw fault.get(); }
            @Override public UpdateItemResponse updateItem(UpdateItemRequest request) { throw fault.get(); }
            @Override public DeleteItemResponse deleteItem(DeleteItemRequest request) { throw fault.get(); }
        };
    }

    private static DynamoDbClient stillCreating() {
        return new DynamoDbClient() {
            @Override public String serviceName() { return "dynamodb"; }
            @Override public void close() {}
            @Override public CreateTableResponse createTable(CreateTableRequest request) { return CreateTableResponse.builder().build(); }
            @Override public DescribeTableResponse describeTable(DescribeTableRequest request) {
                return DescribeTableResponse.builder().table(t -> t.tableName(request.tableName()).tableStatus(TableStatus.CREATING)).build();
            }
        };
    }
}
