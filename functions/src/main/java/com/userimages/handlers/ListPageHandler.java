package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.core.priming.SnapStartPriming;
import com.userimages.core.http.ApiResponses;
import com.userimages.core.http.ImageUrls;
import com.userimages.core.http.ResponseBodies;
import com.userimages.core.model.ListedCollection;
import com.userimages.core.pagination.ListPage;
import com.userimages.core.service.ListCollectionsService;
import com.userimages.core.pagination.PageRequest;
import com.userimages.core.http.ListQueryParser;
import com.userimages.core.http.ApiRequest;
import com.userimages.wiring.FunctionComponents;
import java.util.List;
import java.util.Map;

/** {@code GET /collections}: one exact page of the caller's collections, newest first unless asked otherwise. */
public final class ListPageHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final ListCollectionsService service;
    private final ImageUrls urls;
    private final RoutedFunction function;

    /**
     * The Lambda path: wired from the environment when Lambda constructs the handler during init (so
     * inside a SnapStart snapshot), once per container; this is also when the page-token secret is read.
     */
    public ListPageHandler() {
        this(FunctionComponents.forLambda(ApiFunction.LIST_PAGE));
        // The Lambda path: prime before a SnapStart snapshot (tests construct with their own wiring).
        SnapStartPriming.register(ApiFunction.LIST_PAGE, this, List.of(urls::prime));
    }

    public ListPageHandler(FunctionComponents components) {
        this.service = components.listCollectionsService();
        this.urls = components.imageUrls();
        // As the other functions: an event for a route this function does not serve is a 404, not a listing.
        this.function = new RoutedFunction(components, ApiFunction.LIST_PAGE, Map.of(ApiRoute.LIST_COLLECTIONS, this::list));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return function.handle(event, context);
    }

    private APIGatewayV2HTTPResponse list(ApiRequest request) {
        String userId = request.caller().userId();
        PageRequest list = ListQueryParser.parse(request.queryParameters(), request.repeatedQueryParameters());
        ListPage page = service.list(userId, list);
        return ApiResponses.json(200, ResponseBodies.listPage(page, urls),
                urls.headers(Map.of(), page.items().stream().map(ListedCollection::coverUrl)));
    }
}
