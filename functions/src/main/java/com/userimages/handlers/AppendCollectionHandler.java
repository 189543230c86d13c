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
import com.userimages.core.model.Bounds;
import com.userimages.core.model.CollectionRequests;
import com.userimages.core.model.Ids;
import com.userimages.core.observability.RequestLog;
import com.userimages.core.service.CollectionService;
import java.time.Clock;
import java.util.Map;

/** {@code POST /collections} (create, with replay) and {@code POST /collections/{collectionId}/images} (append). */
public final class AppendCollectionHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    /** Built when Lambda constructs the handler during init (so inside a SnapStart snapshot), once per container. */
    private static final class Defaults {
        static final CollectionService SERVICE = Components.collectionService();
        static final CollectionRequests REQUESTS = new CollectionRequests(Bounds.fromSettings(), Clock.systemUTC());
    }

    private final CollectionService service;
    private final CollectionRequests requests;
    private final RequestLog log;

    public AppendCollectionHandler() {
        this(Defaults.SERVICE, Defaults.REQUESTS);
        // The Lambda path: prime before a SnapStart snapshot (tests construct with their own wiring).
        SnapStartPriming.register(ApiFunction.APPEND_COLLECTION, this);
    }

    public AppendCollectionHandler(CollectionService service, CollectionRequests requests) {
        this(service, requests, RequestLog.standard(ApiFunction.APPEND_COLLECTION));
    }

    public AppendCollectionHandler(CollectionService service, CollectionRequests requests, RequestLog log) {
        this.service = service;
        this.requests = requests;
        this.log = log;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HandlerSupport.handle(log, event, context, request -> switch (Routing.route(event, ApiRoute.CREATE_COLLECTION, ApiRoute.APPEND_IMAGES)) {
            case CREATE_COLLECTION -> create(request);
            default -> append(request);
        });
    }

    private APIGatewayV2HTTPResponse create(ApiRequest request) {
        String userId = request.caller().userId();
        var collection = requests.parseCreate(request.jsonObjectBody());
        CollectionService.Created created = service.create(userId, collection);
        String id = created.collection().collectionId();
        return ApiResponses.json(created.isNew() ? 201 : 200, ResponseBodies.collection(created.collection()),
                Map.of("location", "/collections/" + id));
    }

    private APIGatewayV2HTTPResponse append(ApiRequest request) {
        String userId = request.caller().userId();
        String collectionId = Ids.parse(request.pathParameter("collectionId"), "collectionId");
        var images = requests.parseAppend(request.jsonObjectBody());
        return ApiResponses.json(200, ResponseBodies.appendResult(service.append(userId, collectionId, images)));
    }
}
