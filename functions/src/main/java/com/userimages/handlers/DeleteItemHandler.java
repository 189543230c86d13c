package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.core.http.ApiRequest;
import com.userimages.core.http.ApiResponses;
import com.userimages.core.http.EntityTags;
import com.userimages.core.http.ResponseBodies;
import com.userimages.core.model.RemoveResult;
import com.userimages.core.service.CollectionService;
import com.userimages.core.service.ObjectDeletes;
import com.userimages.wiring.FunctionComponents;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code DELETE /collections/{collectionId}} and {@code DELETE /collections/{collectionId}/images/{imageId}}:
 * the only function whose role may call {@code DeleteItem}.
 */
public final class DeleteItemHandler extends RoutedHandler {
    private final CollectionService service;
    private final ObjectDeletes objectDeletes;

    /** The Lambda path: wired from the environment when Lambda constructs the handler during init, once per container. */
    public DeleteItemHandler() {
        this(FunctionComponents.forLambda(ApiFunction.DELETE_ITEM));
    }

    public DeleteItemHandler(FunctionComponents components) {
        this.service = components.collectionService();
        this.objectDeletes = components.objectDeletes();
        super(components, ApiFunction.DELETE_ITEM);
    }

    @Override
    protected Map<ApiRoute, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.of(
                ApiRoute.DELETE_COLLECTION, this::deleteCollection,
                ApiRoute.DELETE_IMAGE, this::deleteImage);
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
