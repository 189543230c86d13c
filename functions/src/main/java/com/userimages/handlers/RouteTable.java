package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import com.userimages.core.http.ApiRequest;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One function's routes, each with its action, built once per handler and looked up by the
 * gateway's {@code routeKey}. The table must hold exactly the function's routes in {@link ApiRoute}:
 * a route added to the contract without an action stops the handler from being built, instead of
 * falling silently into another route's action.
 */
final class RouteTable {
    private final Map<ApiRoute, Function<ApiRequest, APIGatewayV2HTTPResponse>> actions;

    RouteTable(ApiFunction function, Map<ApiRoute, Function<ApiRequest, APIGatewayV2HTTPResponse>> actions) {
        Set<ApiRoute> served = Arrays.stream(ApiRoute.values()).filter(route -> route.function() == function)
                .collect(Collectors.toSet());
        if (!served.equals(actions.keySet())) {
            throw new IllegalArgumentException(function + " serves " + served + ", its table has actions for " + actions.keySet());
        }
        this.actions = new EnumMap<>(actions);
    }

    /** The action for the event's route; 404 {@code ROUTE_NOT_FOUND} for a route this function does not serve. */
    APIGatewayV2HTTPResponse dispatch(APIGatewayV2HTTPEvent event, ApiRequest request) {
        String key = event.getRouteKey();
        if (key == null && event.getRequestContext() != null) key = event.getRequestContext().getRouteKey();
        ApiRoute route = Optional.ofNullable(key).flatMap(ApiRoute::byRouteKey).filter(actions::containsKey)
                .orElseThrow(() -> new ApiException.NotFound(ErrorCode.ROUTE_NOT_FOUND));
        return actions.get(route).apply(request);
    }
}
