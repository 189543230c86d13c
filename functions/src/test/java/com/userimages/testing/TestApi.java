package com.userimages.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiRoute;
import com.userimages.handlers.AppendCollectionHandler;
import com.userimages.handlers.GetItemHandler;
import com.userimages.handlers.ListPageHandler;

/** Calls the real handlers (their default, per-container wiring) the way API Gateway would. */
public final class TestApi {
    private final AppendCollectionHandler append = new AppendCollectionHandler();
    private final GetItemHandler get = new GetItemHandler();
    private final ListPageHandler list = new ListPageHandler();

    public APIGatewayV2HTTPResponse create(String user, String json) {
        return append.handleRequest(TestEvents.request(ApiRoute.CREATE_COLLECTION).as(user).body(json).build(), null);
    }

    public APIGatewayV2HTTPResponse append(String user, String collectionId, String json) {
        return append.handleRequest(TestEvents.request(ApiRoute.APPEND_IMAGES).as(user)
                .path("collectionId", collectionId).body(json).build(), null);
    }

    public APIGatewayV2HTTPResponse get(String user, String collectionId) {
        return get.handleRequest(TestEvents.request(ApiRoute.GET_COLLECTION).as(user)
                .path("collectionId", collectionId).build(), null);
    }

    public APIGatewayV2HTTPResponse getImage(String user, String collectionId, String imageId) {
        return get.handleRequest(TestEvents.request(ApiRoute.GET_IMAGE).as(user)
                .path("collectionId", collectionId).path("imageId", imageId).build(), null);
    }

    /** {@code GET /collections} with query parameters given as name, value, name, value, ... */
    public APIGatewayV2HTTPResponse list(String user, String... nameValuePairs) {
        TestEvents event = TestEvents.request(ApiRoute.LIST_COLLECTIONS).as(user);
        for (int i = 0; i < nameValuePairs.length; i += 2) event.query(nameValuePairs[i], nameValuePairs[i + 1]);
        APIGatewayV2HTTPResponse response = list.handleRequest(event.build(), null);
        // A page token must never reach a log line: every one the suite sees is checked against them all.
        if (response.getStatusCode() == 200) {
            TestLogs.forbid(Responses.body(response).path("pagination").path("nextToken").asText(null));
        }
        return response;
    }
}
