package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.core.http.ApiRequest;
import com.userimages.core.http.ApiResponses;
import com.userimages.core.http.ImageUrls;
import com.userimages.core.http.ListQueryParser;
import com.userimages.core.http.ResponseBodies;
import com.userimages.core.model.ListedCollection;
import com.userimages.core.pagination.ListPage;
import com.userimages.core.pagination.PageRequest;
import com.userimages.core.service.ListCollectionsService;
import com.userimages.wiring.FunctionComponents;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code GET /collections}: one exact page of the caller's collections, newest first unless asked otherwise. */
public final class ListPageHandler extends RoutedHandler {
    private final ListCollectionsService service;
    private final ImageUrls urls;

    /**
     * The Lambda path: wired from the environment when Lambda constructs the handler during init (so
     * inside a SnapStart snapshot), once per container; this is also when the page-token secret is read.
     */
    public ListPageHandler() {
        this(FunctionComponents.forLambda(ApiFunction.LIST_PAGE));
    }

    public ListPageHandler(FunctionComponents components) {
        this.service = components.listCollectionsService();
        this.urls = components.imageUrls();
        super(components, ApiFunction.LIST_PAGE);
    }

    @Override
    protected Map<ApiRoute, Function<ApiRequest, APIGatewayV2HTTPResponse>> routes() {
        // As the other functions: an event for a route this function does not serve is a 404, not a listing.
        return Map.of(ApiRoute.LIST_COLLECTIONS, this::list);
    }

    @Override
    protected List<Runnable> primingSteps() {
        // The priming request finds no collection, so it signs no URL: one signature warms the signer.
        return List.of(urls::prime);
    }

    private APIGatewayV2HTTPResponse list(ApiRequest request) {
        String userId = request.caller().userId();
        PageRequest list = ListQueryParser.parse(request.queryParameters(), request.repeatedQueryParameters());
        ListPage page = service.list(userId, list);
        return ApiResponses.json(200, ResponseBodies.listPage(page, urls),
                urls.headers(Map.of(), page.items().stream().map(ListedCollection::coverUrl)));
    }
}
