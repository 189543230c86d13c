package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.core.http.ApiRequest;
import com.userimages.core.http.ApiResponses;
import com.userimages.core.http.CollectionRequests;
import com.userimages.core.http.EntityTags;
import com.userimages.core.http.ImageUrls;
import com.userimages.core.http.ReorderRequests;
import com.userimages.core.http.ResponseBodies;
import com.userimages.core.http.UploadRequests;
import com.userimages.core.model.AppendResult;
import com.userimages.core.model.Collection;
import com.userimages.core.model.ImageRef;
import com.userimages.core.service.CollectionService;
import com.userimages.core.service.UploadAppends;
import com.userimages.core.service.UploadSlot;
import com.userimages.core.service.UploadSlots;
import com.userimages.wiring.FunctionComponents;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@code POST /collections} (create, with replay), {@code POST /collections/{collectionId}/images}
 * (append), {@code PUT /collections/{collectionId}/order} (reorder) and
 * {@code POST /collections/{collectionId}/uploads} (an upload slot): the function that writes images.
 */
public final class AppendCollectionHandler extends RoutedHandler {
    private final CollectionService service;
    private final CollectionRequests requests;
    private final ReorderRequests reorderRequests;
    private final UploadRequests uploadRequests;
    private final UploadAppends appends;
    private final ImageUrls urls;
    private final Supplier<UploadSlots> uploadSlots;

    /** The Lambda path: wired from the environment when Lambda constructs the handler during init, once per container. */
    public AppendCollectionHandler() {
        this(FunctionComponents.forLambda(ApiFunction.APPEND_COLLECTION));
    }

    public AppendCollectionHandler(FunctionComponents components) {
        this.service = components.collectionService();
        this.requests = components.collectionRequests();
        this.reorderRequests = components.reorderRequests();
        this.uploadRequests = new UploadRequests();
        this.appends = components.uploadAppends();
        this.urls = components.imageUrls();
        // Built on the first slot: URL-only traffic never builds the signer.
        this.uploadSlots = components::uploadSlots;
        super(components, ApiFunction.APPEND_COLLECTION);
    }

    @Override
    protected Map<ApiRoute, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        return Map.of(
                ApiRoute.CREATE_COLLECTION, this::create,
                ApiRoute.APPEND_IMAGES, this::append,
                ApiRoute.REORDER_IMAGES, this::reorder,
                ApiRoute.OPEN_UPLOAD, this::openUpload);
    }

    private APIGatewayV2HTTPResponse create(ApiRequest request) {
        String userId = request.caller().userId();
        var preconditions = EntityTags.preconditions(request);
        var collection = requests.parseCreate(request.jsonObjectBody());
        CollectionService.Created created = service.create(userId, collection, preconditions);
        String id = created.collection().collectionId();
        return ApiResponses.json(created.isNew() ? 201 : 200, ResponseBodies.collection(created.collection(), urls),
                collectionHeaders(created.collection(), Map.of("location", "/collections/" + id)));
    }

    private APIGatewayV2HTTPResponse append(ApiRequest request) {
        CollectionTarget target = CollectionTarget.of(request);
        AppendResult result = appends.append(target.userId(), target.collectionId(), requests.parseAppend(request.jsonObjectBody()),
                target.preconditions());
        return ApiResponses.json(200, ResponseBodies.appendResult(result), Map.of("etag", EntityTags.of(result.tag())));
    }

    private APIGatewayV2HTTPResponse reorder(ApiRequest request) {
        CollectionTarget target = CollectionTarget.of(request);
        Collection reordered = service.reorder(target.userId(), target.collectionId(), reorderRequests.parse(request.jsonObjectBody()),
                target.preconditions());
        return ApiResponses.json(200, ResponseBodies.collection(reordered, urls), collectionHeaders(reordered, Map.of()));
    }

    /** The headers of an answer that returns the collection as GET does: its ETag, and the Cache-Control GET would send. */
    private Map<String, String> collectionHeaders(Collection collection, Map<String, String> others) {
        Map<String, String> headers = new HashMap<>(others);
        headers.put("etag", EntityTags.of(collection.tag()));
        return urls.headers(headers, collection.images().stream().map(ImageRef::url));
    }

    /** Preconditions do not apply: a slot changes nothing (API.md, "Versions and conditional requests"). */
    private APIGatewayV2HTTPResponse openUpload(ApiRequest request) {
        String userId = request.caller().userId();
        String collectionId = request.pathId("collectionId");
        UploadSlot slot = uploadSlots.get().open(userId, collectionId, uploadRequests.parseSlot(request.jsonObjectBody()));
        return ApiResponses.json(201, ResponseBodies.uploadSlot(slot), Map.of("cache-control", "no-store"));
    }
}
