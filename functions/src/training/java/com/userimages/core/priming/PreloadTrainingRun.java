package com.userimages.core.priming;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.Scopes;
import com.userimages.core.http.GatewayEvents;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One training run of {@link PreloadListTraining}, in a fresh JVM whose class loading is logged: a
 * function's Lambda init (its no-arg constructor, settings from the environment), then one ordinary
 * request on data the parent seeded. Prints {@code STATUS n} last.
 */
final class PreloadTrainingRun {
    private PreloadTrainingRun() {}

    public static void main(String[] args) throws Exception {
        ApiFunction function = ApiFunction.byName(args[0]).orElseThrow();
        String user = args[1];
        String collectionId = args[2];
        String imageId = args[3];
        @SuppressWarnings("unchecked")
        var handler = (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
                Class.forName(function.handlerClassName()).getDeclaredConstructor().newInstance();
        APIGatewayV2HTTPResponse response = handler.handleRequest(request(function, user, collectionId, imageId), null);
        System.out.println("STATUS " + response.getStatusCode());
    }

    /** The request a function most often serves, answered with success. */
    private static APIGatewayV2HTTPEvent request(ApiFunction function, String user, String collectionId, String imageId) {
        Map<String, String> collection = Map.of("collectionId", collectionId);
        return switch (function) {
            case CREATE_TABLE -> GatewayEvents.authorized(ApiRoute.CREATE_TABLE, user, Map.of(), Map.of(), null, List.of(Scopes.ADMIN));
            case APPEND_COLLECTION -> GatewayEvents.authorized(ApiRoute.APPEND_IMAGES, user, collection, Map.of(),
                    "{\"images\":[{\"imageId\":\"" + UUID.randomUUID() + "\",\"url\":\"https://training.example/a.png\"}]}", null);
            case GET_ITEM -> GatewayEvents.authorized(ApiRoute.GET_COLLECTION, user, collection, Map.of(), null, null);
            case LIST_PAGE -> GatewayEvents.authorized(ApiRoute.LIST_COLLECTIONS, user, Map.of(), Map.of("limit", "20"), null, null);
            case DELETE_ITEM -> GatewayEvents.authorized(ApiRoute.DELETE_IMAGE, user,
                    Map.of("collectionId", collectionId, "imageId", imageId), Map.of(), null, null);
        };
    }
}
