package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.core.Components;
import com.userimages.core.priming.SnapStartPriming;
import com.userimages.core.http.ApiResponses;
import com.userimages.core.http.HandlerSupport;
import com.userimages.core.http.ResponseBodies;
import com.userimages.core.observability.RequestLog;
import com.userimages.core.pagination.ListCollectionsService;
import com.userimages.core.pagination.ListRequest;
import com.userimages.core.pagination.ListRequests;

/** {@code GET /collections}: one exact page of the caller's collections, newest first unless asked otherwise. */
public final class ListPageHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /**
     * Built when Lambda constructs the handler during init (so inside a SnapStart snapshot), once per
     * container; this is also when the page-token secret is read.
     */
    private static final class Defaults {
        static final ListCollectionsService SERVICE = Components.listCollectionsService();
    }

    private final ListCollectionsService service;
    private final RequestLog log;

    public ListPageHandler() {
        this(Defaults.SERVICE);
        // The Lambda path: prime before a SnapStart snapshot (tests construct with their own wiring).
        SnapStartPriming.register(ApiFunction.LIST_PAGE, this);
    }

    public ListPageHandler(ListCollectionsService service) {
        this(service, RequestLog.standard(ApiFunction.LIST_PAGE));
    }

    public ListPageHandler(ListCollectionsService service, RequestLog log) {
        this.service = service;
        this.log = log;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HandlerSupport.handle(log, event, context, request -> {
            // As the other functions: an event for a route this function does not serve is a 404, not a listing.
            Routing.route(event, ApiRoute.LIST_COLLECTIONS);
            String userId = request.caller().userId();
            ListRequest list = ListRequests.parse(request.queryParameters());
            return ApiResponses.json(200, ResponseBodies.listPage(service.list(userId, list)));
        });
    }
}
