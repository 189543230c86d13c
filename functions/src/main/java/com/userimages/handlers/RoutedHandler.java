package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.RouteScopes;
import com.userimages.core.http.ApiRequest;
import com.userimages.core.http.HandlerSupport;
import com.userimages.core.observability.RequestLog;
import com.userimages.core.priming.SnapStartPriming;
import com.userimages.wiring.FunctionComponents;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What every routed function does with an event, in one place: {@link HandlerSupport#handle} with
 * the function's request log and route scopes, then the action its {@link RouteTable} holds for the
 * event's route; and, on Lambda's init, the registration of its SnapStart priming. A subclass is an
 * adapter: its fields, set from the components before it calls this constructor (a flexible
 * constructor body), its route table and its actions.
 */
public abstract class RoutedHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final RequestLog log;
    private final RouteScopes scopes;
    private final RouteTable table;

    /** Called after the subclass has set its fields: the table and the priming steps may read them. */
    protected RoutedHandler(FunctionComponents components, ApiFunction function) {
        this.log = components.requestLog(function);
        this.scopes = components.routeScopes();
        this.table = new RouteTable(function, routes());
        if (components.primesBeforeSnapshot()) SnapStartPriming.register(function, this, primingSteps());
    }

    /** Each route the function serves, with its action: exactly the function's routes in {@link ApiRoute}. */
    protected abstract Map<ApiRoute, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes();

    /** Local work the priming request cannot reach (it finds no data), run after it before a snapshot. */
    protected List<Runnable> primingSteps() {
        return List.of();
    }

    @Override
    public final APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HandlerSupport.handle(log, scopes, event, context, request -> table.dispatch(event, request));
    }
}
