package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.RouteScopes;
import com.userimages.core.http.ApiRequest;
import com.userimages.core.http.HandlerSupport;
import com.userimages.core.observability.RequestLog;
import com.userimages.wiring.FunctionComponents;
import java.util.Map;
import java.util.function.Function;

/**
 * What every routed handler does with an event, in one place: {@link HandlerSupport#handle} with the
 * function's request log and the route scopes, then the action its {@link RouteTable} holds for the
 * event's route.
 */
final class RoutedFunction {
    private final RequestLog log;
    private final RouteScopes scopes;
    private final RouteTable routes;

    RoutedFunction(FunctionComponents components, ApiFunction function,
                   Map<ApiRoute, Function<ApiRequest, APIGatewayV2HTTPResponse>> actions) {
        this.log = components.requestLog(function);
        this.scopes = components.routeScopes();
        this.routes = new RouteTable(function, actions);
    }

    APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        return HandlerSupport.handle(log, scopes, event, context, request -> routes.dispatch(event, request));
    }
}
