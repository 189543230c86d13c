package com.userimages.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.Scopes;
import com.userimages.core.http.GatewayEvents;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One representative request per function, on the benchmark user's data. */
final class BenchEvents {
    private BenchEvents() {}

    static APIGatewayV2HTTPEvent forFunction(ApiFunction function, String user, String collectionId) {
        return switch (function) {
            case CREATE_TABLE -> GatewayEvents.authorized(ApiRoute.CREATE_TABLE, user, Map.of(), Map.of(), null, List.of(Scopes.ADMIN));
            case APPEND_COLLECTION -> GatewayEvents.authorized(ApiRoute.APPEND_IMAGES, user, Map.of("collectionId", collectionId), Map.of(),
                    "{\"images\":[{\"imageId\":\"" + UUID.randomUUID() + "\",\"url\":\"https://bench.example/i.png\"}]}", null);
            case GET_ITEM -> GatewayEvents.authorized(ApiRoute.GET_COLLECTION, user, Map.of("collectionId", collectionId), Map.of(), null, null);
            case LIST_PAGE -> GatewayEvents.authorized(ApiRoute.LIST_COLLECTIONS, user, Map.of(), Map.of("limit", "20"), null, null);
            // Reads the benchmark collection strongly and answers 404 for an image it does not have:
            // repeatable on every run, where a real delete would leave nothing for the next one.
            case DELETE_ITEM -> GatewayEvents.authorized(ApiRoute.DELETE_IMAGE, user,
                    Map.of("collectionId", collectionId, "imageId", UUID.randomUUID().toString()), Map.of(), null, null);
        };
    }
}
