package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.ApiFunction;
import com.userimages.core.priming.SnapStartPriming;
import com.userimages.core.http.ApiRequest;
import com.userimages.core.http.ApiResponses;
import com.userimages.core.http.EntityTags;
import com.userimages.core.http.ImageUrls;
import com.userimages.core.http.ResponseBodies;
import com.userimages.core.json.JsonBody;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.Preconditions;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import com.userimages.core.service.CollectionService;
import com.userimages.wiring.FunctionComponents;

/** {@code GET /collections/{collectionId}} and {@code GET /collections/{collectionId}/images/{imageId}}. */
public final class GetItemHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final CollectionService service;
    private final ImageUrls urls;
    private final RoutedFunction function;

    /** The Lambda path: wired from the environment when Lambda constructs the handler during init, once per container. */
    public GetItemHandler() {
        this(FunctionComponents.forLambda(ApiFunction.GET_ITEM));
        // The Lambda path: prime before a SnapStart snapshot (tests construct with their own wiring).
        SnapStartPriming.register(ApiFunction.GET_ITEM, this, List.of(urls::prime));
    }

    public GetItemHandler(FunctionComponents components) {
        this.service = components.collectionService();
        this.urls = components.imageUrls();
        this.function = new RoutedFunction(components, ApiFunction.GET_ITEM, Map.of(
                ApiRoute.GET_COLLECTION, this::getCollection,
                ApiRoute.GET_IMAGE, this::getImage));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return function.handle(event, context);
    }

    private APIGatewayV2HTTPResponse getCollection(ApiRequest request) {
        CollectionTarget target = CollectionTarget.of(request);
        return answer(service.get(target.userId(), target.collectionId(), target.preconditions()),
                collection -> ResponseBodies.collection(collection, urls), collection -> collection.images().stream().map(ImageRef::url));
    }

    private APIGatewayV2HTTPResponse getImage(ApiRequest request) {
        String userId = request.caller().userId();
        String collectionId = request.pathId("collectionId");
        String imageId = request.pathId("imageId");
        Preconditions preconditions = EntityTags.preconditions(request);
        // The image's representation changes only with its collection, so it carries the collection's ETag.
        return answer(service.getImage(userId, collectionId, imageId, preconditions),
                image -> ResponseBodies.image(image, urls), image -> Stream.of(image.url()));
    }

    /**
     * A conditional read's answer: 304 when the caller's copy is current, else 200 with the body; the
     * ETag either way, and the Cache-Control of presigned URLs when the state holds uploaded images
     * (on a 304 too, which signs nothing).
     */
    private <T> APIGatewayV2HTTPResponse answer(CollectionService.Read<T> read, Function<T, JsonBody> body,
                                                Function<T, Stream<String>> storedUrls) {
        Map<String, String> headers = urls.headers(Map.of("etag", EntityTags.of(read.tag())), storedUrls.apply(read.value()));
        if (read.notModified()) return ApiResponses.notModified(headers);
        return ApiResponses.json(200, body.apply(read.value()), headers);
    }
}
