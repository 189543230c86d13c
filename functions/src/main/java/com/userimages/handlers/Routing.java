package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.userimages.core.ApiRoute;
import com.userimages.core.error.ApiException;
import java.util.List;

/** Picks which of a function's routes an event is for, by the gateway's {@code routeKey}. */
final class Routing {
    private Routing() {}

    static ApiRoute route(APIGatewayV2HTTPEvent event, ApiRoute... served) {
        String key = event.getRouteKey();
        if (key == null && event.getRequestContext() != null) key = event.getRequestContext().getRouteKey();
        ApiRoute route = key == null ? null : ApiRoute.byRouteKey(key);
        if (route == null || !List.of(served).contains(route)) {
            throw new ApiException.NotFound("ROUTE_NOT_FOUND", "This function does not serve that route.");
        }
        return route;
    }
}
