package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.ApiFunction;
import com.userimages.core.Components;
import com.userimages.core.priming.SnapStartPriming;
import com.userimages.core.http.ApiRequest;
import com.userimages.core.http.ApiResponses;
import com.userimages.core.http.HandlerSupport;
import com.userimages.core.http.ResponseBodies;
import com.userimages.core.model.Ids;
import com.userimages.core.observability.RequestLog;
import com.userimages.core.service.CollectionService;

/** {@code GET /collections/{collectionId}} and {@code GET /collections/{collectionId}/images/{imageId}}. */
public final class GetItemHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** Built when Lambda constructs the handler during init (so inside a SnapStart snapshot), once per container. */
    private static final class Defaults {
        static final CollectionService SERVICE = Components.collectionService();
    }

    private final CollectionService service;
    private final RequestLog log;

    public GetItemHandler() {
        this(Defaults.SERVICE);
        // The Lambda path: prime before a SnapStart snapshot (tests construct with their own wiring).
        SnapStartPriming.register(ApiFunction.GET_ITEM, this);
    }

    public GetItemHandler(CollectionService service) {
        this(service, RequestLog.standard(ApiFunction.GET_ITEM));
    }

    public GetItemHandler(CollectionService service, RequestLog log) {
        this.service = service;
        this.log = log;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HandlerSupport.handle(log, event, context, request -> switch (Routing.route(event, ApiRoute.GET_COLLECTION, ApiRoute.GET_IMAGE)) {
            case GET_IMAGE -> getImage(request);
            default -> getCollection(request);
        });
    }

    private APIGatewayV2HTTPResponse getCollection(ApiRequest request) {
        String userId = request.caller().userId();
        String collectionId = Ids.parse(request.pathParameter("collectionId"), "collectionId");
        return ApiResponses.json(200, ResponseBodies.collection(service.get(userId, collectionId)));
    }

    private APIGatewayV2HTTPResponse getImage(ApiRequest request) {
        String userId = request.caller().userId();
        String collectionId = Ids.parse(request.pathParameter("collectionId"), "collectionId");
        String imageId = Ids.parse(request.pathParameter("imageId"), "imageId");
        return ApiResponses.json(200, ResponseBodies.image(service.getImage(userId, collectionId, imageId)));
    }
}
