package com.userimages.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiRoute;
import com.userimages.handlers.AppendCollectionHandler;
import com.userimages.handlers.DeleteItemHandler;
import com.userimages.wiring.FunctionComponents;
import com.userimages.handlers.GetItemHandler;
import com.userimages.handlers.ListPageHandler;
import java.util.UUID;
import com.userimages.core.http.GatewayEvents;

/** Calls the real handlers (their default, per-container wiring) the way API Gateway would. */
public final class TestApi {
    static {
        // Every handler test's request lines are checked from the first one on.
        TestLogs.install();
    }

    /** A fresh user id, so tests never see each other's data; never to appear in a log line. */
    public static String newUser() {
        String user = "user-" + UUID.randomUUID();
        TestLogs.forbid(user);
        return user;
    }

    private final AppendCollectionHandler append;
    private final GetItemHandler get;
    private final ListPageHandler list;
    private final DeleteItemHandler delete;

    /** The handlers with the suite's shared wiring. */
    public TestApi() {
        this(DynamoDbExtension.components());
    }

    /** The handlers with other wiring (another DynamoDB client in front of the same table, say). */
    public TestApi(FunctionComponents components) {
        append = new AppendCollectionHandler(components);
        get = new GetItemHandler(components);
        list = new ListPageHandler(components);
        delete = new DeleteItemHandler(components);
    }

    /** Request headers given as name, value, name, value, ... */
    private static GatewayEvents withHeaders(GatewayEvents event, String... headers) {
        for (int i = 0; i < headers.length; i += 2) event.header(headers[i], headers[i + 1]);
        return event;
    }

    public APIGatewayV2HTTPResponse appendWith(String user, String collectionId, String json, String... headers) {
        return append.handleRequest(withHeaders(GatewayEvents.request(ApiRoute.APPEND_IMAGES).as(user)
                .path("collectionId", collectionId).body(json), headers).build(), null);
    }

    public APIGatewayV2HTTPResponse getWith(String user, String collectionId, String... headers) {
        return get.handleRequest(withHeaders(GatewayEvents.request(ApiRoute.GET_COLLECTION).as(user)
                .path("collectionId", collectionId), headers).build(), null);
    }

    public APIGatewayV2HTTPResponse getImageWith(String user, String collectionId, String imageId, String... headers) {
        return get.handleRequest(withHeaders(GatewayEvents.request(ApiRoute.GET_IMAGE).as(user)
                .path("collectionId", collectionId).path("imageId", imageId), headers).build(), null);
    }

    /** {@code PUT /collections/{id}/order} with a raw JSON body. */
    public APIGatewayV2HTTPResponse reorder(String user, String collectionId, String json, String... headers) {
        return append.handleRequest(withHeaders(GatewayEvents.request(ApiRoute.REORDER_IMAGES).as(user)
                .path("collectionId", collectionId).body(json), headers).build(), null);
    }

    public APIGatewayV2HTTPResponse deleteCollection(String user, String collectionId, String... headers) {
        return delete.handleRequest(withHeaders(GatewayEvents.request(ApiRoute.DELETE_COLLECTION).as(user)
                .path("collectionId", collectionId), headers).build(), null);
    }

    public APIGatewayV2HTTPResponse deleteImage(String user, String collectionId, String imageId, String... headers) {
        return delete.handleRequest(withHeaders(GatewayEvents.request(ApiRoute.DELETE_IMAGE).as(user)
                .path("collectionId", collectionId).path("imageId", imageId), headers).build(), null);
    }

    public APIGatewayV2HTTPResponse createWith(String user, String json, String... headers) {
        return append.handleRequest(withHeaders(GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(user).body(json), headers)
                .build(), null);
    }

    /** {@code GET /collections} with request headers (name, value, ...), no query. */
    public APIGatewayV2HTTPResponse listWith(String user, String... headers) {
        return list.handleRequest(withHeaders(GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).as(user), headers).build(), null);
    }

    public APIGatewayV2HTTPResponse create(String user, String json) {
        return append.handleRequest(GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(user).body(json).build(), null);
    }

    public APIGatewayV2HTTPResponse append(String user, String collectionId, String json) {
        return append.handleRequest(GatewayEvents.request(ApiRoute.APPEND_IMAGES).as(user)
                .path("collectionId", collectionId).body(json).build(), null);
    }

    public APIGatewayV2HTTPResponse get(String user, String collectionId) {
        return get.handleRequest(GatewayEvents.request(ApiRoute.GET_COLLECTION).as(user)
                .path("collectionId", collectionId).build(), null);
    }

    public APIGatewayV2HTTPResponse getImage(String user, String collectionId, String imageId) {
        return get.handleRequest(GatewayEvents.request(ApiRoute.GET_IMAGE).as(user)
                .path("collectionId", collectionId).path("imageId", imageId).build(), null);
    }

    /** {@code GET /collections} with query parameters given as name, value, name, value, ... */
    public APIGatewayV2HTTPResponse list(String user, String... nameValuePairs) {
        GatewayEvents event = GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).as(user);
        for (int i = 0; i < nameValuePairs.length; i += 2) event.query(nameValuePairs[i], nameValuePairs[i + 1]);
        APIGatewayV2HTTPResponse response = list.handleRequest(event.build(), null);
        // A page token must never reach a log line: every one the suite sees is checked against them all.
        if (response.getStatusCode() == 200) {
            TestLogs.forbid(Responses.body(response).path("pagination").path("nextToken").asText(null));
        }
        return response;
    }
}
