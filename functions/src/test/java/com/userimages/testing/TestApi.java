package com.userimages.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.core.ApiRoute;
import com.userimages.handlers.AppendCollectionHandler;
import com.userimages.handlers.GetItemHandler;

/** Calls the real handlers (their default, per-container wiring) the way API Gateway would. */
public final class TestApi {
    private final AppendCollectionHandler append = new AppendCollectionHandler();
    private final GetItemHandler get = new GetItemHandler();

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
}
