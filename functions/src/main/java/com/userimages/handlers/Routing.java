package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.userimages.contract.ApiRoute;
import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import java.util.List;
import java.util.Optional;

/** Picks which of a function's routes an event is for, by the gateway's {@code routeKey}. */
final class Routing {
    private Routing() {}

    static ApiRoute route(APIGatewayV2HTTPEvent event, ApiRoute... served) {
        String key = event.getRouteKey();
        if (key == null && event.getRequestContext() != null) key = event.getRequestContext().getRouteKey();
        return Optional.ofNullable(key).flatMap(ApiRoute::byRouteKey).filter(List.of(served)::contains)
                .orElseThrow(() -> new ApiException.NotFound(ErrorCode.ROUTE_NOT_FOUND));
    }
}
