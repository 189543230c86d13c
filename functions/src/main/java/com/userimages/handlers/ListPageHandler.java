package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.RouteScopes;
import com.userimages.contract.ApiRoute;
import com.userimages.core.priming.SnapStartPriming;
import com.userimages.core.http.ApiResponses;
import com.userimages.core.http.HandlerSupport;
import com.userimages.core.observability.RequestLog;
import com.userimages.core.http.ResponseBodies;
import com.userimages.core.service.ListCollectionsService;
import com.userimages.core.pagination.ListRequest;
import com.userimages.core.http.ListRequests;

/** {@code GET /collections}: one exact page of the caller's collections, newest first unless asked otherwise. */
public final class ListPageHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final ListCollectionsService service;
    private final RequestLog log;
    private final RouteScopes scopes;

    /**
     * The Lambda path: wired from the environment when Lambda constructs the handler during init (so
     * inside a SnapStart snapshot), once per container; this is also when the page-token secret is read.
     */
    public ListPageHandler() {
        this(FunctionComponents.forLambda(ApiFunction.LIST_PAGE));
        // The Lambda path: prime before a SnapStart snapshot (tests construct with their own wiring).
        SnapStartPriming.register(ApiFunction.LIST_PAGE, this);
    }

    public ListPageHandler(FunctionComponents components) {
        this(components.listCollectionsService(), components.requestLog(ApiFunction.LIST_PAGE), components.routeScopes());
    }

    /** Request lines to standard output at {@code INFO}; the components choose level and sink otherwise. */
    public ListPageHandler(ListCollectionsService service) {
        this(service, RequestLog.toStandardOutput(ApiFunction.LIST_PAGE, RequestLog.Level.INFO));
    }

    public ListPageHandler(ListCollectionsService service, RequestLog log) {
        this(service, log, RouteScopes.DEFAULTS);
    }

    public ListPageHandler(ListCollectionsService service, RequestLog log, RouteScopes scopes) {
        this.scopes = scopes;
        this.service = service;
        this.log = log;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HandlerSupport.handle(log, scopes, event, context, request -> {
            // As the other functions: an event for a route this function does not serve is a 404, not a listing.
            Routing.route(event, ApiRoute.LIST_COLLECTIONS);
            String userId = request.caller().userId();
            ListRequest list = ListRequests.parse(request.queryParameters(), request.repeatedQueryParameters());
            return ApiResponses.json(200, ResponseBodies.listPage(service.list(userId, list)));
        });
    }
}
