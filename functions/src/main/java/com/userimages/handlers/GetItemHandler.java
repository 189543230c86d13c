package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.core.http.ApiRequest;
import com.userimages.core.http.ApiResponses;
import com.userimages.core.http.EntityTags;
import com.userimages.core.http.ImageUrls;
import com.userimages.core.http.ResponseBodies;
import com.userimages.core.json.JsonBody;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.Preconditions;
import com.userimages.core.service.CollectionService;
import com.userimages.wiring.FunctionComponents;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** {@code GET /collections/{collectionId}} and {@code GET /collections/{collectionId}/images/{imageId}}. */
public final class GetItemHandler extends RoutedHandler {
    private final CollectionService service;
    private final ImageUrls urls;

    /** The Lambda path: wired from the environment when Lambda constructs the handler during init, once per container. */
    public GetItemHandler() {
        this(FunctionComponents.forLambda(ApiFunction.GET_ITEM));
    }

    public GetItemHandler(FunctionComponents components) {
        this.service = components.collectionService();
        this.urls = components.imageUrls();
        super(components, ApiFunction.GET_ITEM);
    }

    @Override
    protected Map<ApiRoute, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.of(
                ApiRoute.GET_COLLECTION, this::getCollection,
                ApiRoute.GET_IMAGE, this::getImage);
    }

    @Override
    protected List<Runnable> primingSteps() {
        // The priming request finds no collection, so it signs no URL: one signature warms the signer.
        return List.of(urls::prime);
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
