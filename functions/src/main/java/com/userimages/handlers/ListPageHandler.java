package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.core.priming.SnapStartPriming;
import com.userimages.core.http.ApiResponses;
import com.userimages.core.http.HandlerSupport;
import com.userimages.core.http.ResponseBodies;
import com.userimages.core.service.ListCollectionsService;
import com.userimages.core.pagination.ListRequest;
import com.userimages.core.http.ListRequests;

/** {@code GET /collections}: one exact page of the caller's collections, newest first unless asked otherwise. */
public final class ListPageHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final ListCollectionsService service;

    /**
     * The Lambda path: wired from the environment when Lambda constructs the handler during init (so
     * inside a SnapStart snapshot), once per container; this is also when the page-token secret is read.
     */
    public ListPageHandler() {
        this(FunctionComponents.fromEnvironment());
        // The Lambda path: prime before a SnapStart snapshot (tests construct with their own wiring).
        SnapStartPriming.register(ApiFunction.LIST_PAGE, this);
    }

    public ListPageHandler(FunctionComponents components) {
        this(components.listCollectionsService());
    }

    public ListPageHandler(ListCollectionsService service) {
        this.service = service;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HandlerSupport.handle(event, context, request -> {
            String userId = request.caller().userId();
            ListRequest list = ListRequests.parse(request.queryParameters(), request.repeatedQueryParameters());
            return ApiResponses.json(200, ResponseBodies.listPage(service.list(userId, list)));
        });
    }
}
