package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.core.http.ApiRequest;
import com.userimages.core.http.ApiResponses;
import com.userimages.core.http.EntityTags;
import com.userimages.core.http.ResponseBodies;
import com.userimages.core.model.RemoveResult;
import com.userimages.core.priming.SnapStartPriming;
import com.userimages.core.service.CollectionService;
import com.userimages.core.service.ObjectDeletes;
import com.userimages.wiring.FunctionComponents;
import java.util.List;
import java.util.Map;

/**
 * {@code DELETE /collections/{collectionId}} and {@code DELETE /collections/{collectionId}/images/{imageId}}:
 * the only function whose role may call {@code DeleteItem}.
 */
public final class DeleteItemHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final CollectionService service;
    private final ObjectDeletes objectDeletes;
    private final RoutedFunction function;

    /** The Lambda path: wired from the environment when Lambda constructs the handler during init, once per container. */
    public DeleteItemHandler() {
        this(FunctionComponents.forLambda(ApiFunction.DELETE_ITEM));
        // The Lambda path: prime before a SnapStart snapshot (tests construct with their own wiring).
        SnapStartPriming.register(ApiFunction.DELETE_ITEM, this);
    }

    public DeleteItemHandler(FunctionComponents components) {
        this.service = components.collectionService();
        this.objectDeletes = components.objectDeletes();
        this.function = new RoutedFunction(components, ApiFunction.DELETE_ITEM, Map.of(
                ApiRoute.DELETE_COLLECTION, this::deleteCollection,
                ApiRoute.DELETE_IMAGE, this::deleteImage));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return function.handle(event, context);
    }

    private APIGatewayV2HTTPResponse deleteCollection(ApiRequest request) {
        CollectionTarget target = CollectionTarget.of(request);
        objectDeletes.deleteObjectsOf(service.deleteCollection(target.userId(), target.collectionId(), target.preconditions()));
        return ApiResponses.noContent();
    }

    private APIGatewayV2HTTPResponse deleteImage(ApiRequest request) {
        String userId = request.caller().userId();
        String collectionId = request.pathId("collectionId");
        String imageId = request.pathId("imageId");
        CollectionService.ImageRemoval removal = service.deleteImage(userId, collectionId, imageId, EntityTags.preconditions(request));
        objectDeletes.deleteObjectsOf(List.of(removal.image()));
        RemoveResult result = removal.result();
        return ApiResponses.json(200, ResponseBodies.removeResult(result), Map.of("etag", EntityTags.of(result.tag())));
    }
}
