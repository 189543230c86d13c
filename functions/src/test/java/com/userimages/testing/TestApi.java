package com.userimages.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
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

    /** Sends the event with request headers (name, value, name, value, ...) to the handler, as API Gateway would. */
    private static APIGatewayV2HTTPResponse send(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                                 GatewayEvents event, String... headers) {
        for (int i = 0; i < headers.length; i += 2) event.header(headers[i], headers[i + 1]);
        return handler.handleRequest(event.build(), null);
    }

    /** A request of the user's on a route that names one collection. */
    private static GatewayEvents onCollection(ApiRoute route, String user, String collectionId) {
        return GatewayEvents.request(route).as(user).path("collectionId", collectionId);
    }

    /** A request of the user's on a route that names one image of a collection. */
    private static GatewayEvents onImage(ApiRoute route, String user, String collectionId, String imageId) {
        return onCollection(route, user, collectionId).path("imageId", imageId);
    }

    // The append function's routes: each takes a JSON body.

    public APIGatewayV2HTTPResponse createWith(String user, String json, String... headers) {
        return send(append, GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(user).body(json), headers);
    }

    public APIGatewayV2HTTPResponse appendWith(String user, String collectionId, String json, String... headers) {
        return sendBody(ApiRoute.APPEND_IMAGES, user, collectionId, json, headers);
    }

    /** {@code POST /collections/{id}/uploads} with a raw JSON body. */
    public APIGatewayV2HTTPResponse openUpload(String user, String collectionId, String json, String... headers) {
        return sendBody(ApiRoute.OPEN_UPLOAD, user, collectionId, json, headers);
    }

    /** {@code PUT /collections/{id}/order} with a raw JSON body. */
    public APIGatewayV2HTTPResponse reorder(String user, String collectionId, String json, String... headers) {
        return sendBody(ApiRoute.REORDER_IMAGES, user, collectionId, json, headers);
    }

    /** A JSON body to one of the append function's routes on a collection. */
    private APIGatewayV2HTTPResponse sendBody(ApiRoute route, String user, String collectionId, String json, String... headers) {
        return send(append, onCollection(route, user, collectionId).body(json), headers);
    }

    // The get, list and delete functions' routes: none takes a body.

    public APIGatewayV2HTTPResponse getWith(String user, String collectionId, String... headers) {
        return send(get, onCollection(ApiRoute.GET_COLLECTION, user, collectionId), headers);
    }

    public APIGatewayV2HTTPResponse getImageWith(String user, String collectionId, String imageId, String... headers) {
        return send(get, onImage(ApiRoute.GET_IMAGE, user, collectionId, imageId), headers);
    }

    /** {@code GET /collections} with request headers (name, value, ...), no query. */
    public APIGatewayV2HTTPResponse listWith(String user, String... headers) {
        return send(list, GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).as(user), headers);
    }

    public APIGatewayV2HTTPResponse deleteCollection(String user, String collectionId, String... headers) {
        return send(delete, onCollection(ApiRoute.DELETE_COLLECTION, user, collectionId), headers);
    }

    public APIGatewayV2HTTPResponse deleteImage(String user, String collectionId, String imageId, String... headers) {
        return send(delete, onImage(ApiRoute.DELETE_IMAGE, user, collectionId, imageId), headers);
    }

    // Without request headers.

    public APIGatewayV2HTTPResponse create(String user, String json) {
        return createWith(user, json);
    }

    public APIGatewayV2HTTPResponse append(String user, String collectionId, String json) {
        return appendWith(user, collectionId, json);
    }

    public APIGatewayV2HTTPResponse get(String user, String collectionId) {
        return getWith(user, collectionId);
    }

    public APIGatewayV2HTTPResponse getImage(String user, String collectionId, String imageId) {
        return getImageWith(user, collectionId, imageId);
    }

    /** {@code GET /collections} with query parameters given as name, value, name, value, ... */
    public APIGatewayV2HTTPResponse list(String user, String... nameValuePairs) {
        GatewayEvents event = GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).as(user);
        for (int i = 0; i < nameValuePairs.length; i += 2) event.query(nameValuePairs[i], nameValuePairs[i + 1]);
        APIGatewayV2HTTPResponse response = send(list, event);
        // A page token must never reach a log line: every one the suite sees is checked against them all.
        if (response.getStatusCode() == 200) {
            TestLogs.forbid(Responses.body(response).path("pagination").path("nextToken").asText(null));
        }
        return response;
    }
}
