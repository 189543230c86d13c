package com.userimages.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.core.error.ApiException;
import com.userimages.core.http.ApiRequest;
import com.userimages.core.http.GatewayEvents;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A function's table holds exactly its routes; an event for any other route is 404 ROUTE_NOT_FOUND. */
class RouteTableTest {
    private static final APIGatewayV2HTTPResponse COLLECTION = new APIGatewayV2HTTPResponse();
    private static final APIGatewayV2HTTPResponse IMAGE = new APIGatewayV2HTTPResponse();
    private static final RouteTable GET_ITEM = new RouteTable(ApiFunction.GET_ITEM, Map.of(
            ApiRoute.GET_COLLECTION, request -> COLLECTION,
            ApiRoute.GET_IMAGE, request -> IMAGE));

    private static APIGatewayV2HTTPResponse dispatch(APIGatewayV2HTTPEvent event) {
        return GET_ITEM.dispatch(event, new ApiRequest(event));
    }

    @Test
    void eachRouteGoesToItsOwnAction() {
        assertSame(COLLECTION, dispatch(GatewayEvents.request(ApiRoute.GET_COLLECTION).build()));
        assertSame(IMAGE, dispatch(GatewayEvents.request(ApiRoute.GET_IMAGE).build()));
    }

    @Test
    void anotherFunctionsRouteOrNoRouteIsRouteNotFound() {
        for (APIGatewayV2HTTPEvent event : new APIGatewayV2HTTPEvent[] {
                GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).build(), new APIGatewayV2HTTPEvent()}) {
            ApiException e = assertThrows(ApiException.NotFound.class, () -> dispatch(event));
            assertEquals("ROUTE_NOT_FOUND", e.code());
        }
    }

    @Test
    void aTableMissingOneOfItsFunctionsRoutesCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new RouteTable(ApiFunction.GET_ITEM,
                Map.of(ApiRoute.GET_COLLECTION, request -> COLLECTION)));
    }

    @Test
    void aTableWithAnotherFunctionsRouteCannotBeBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new RouteTable(ApiFunction.GET_ITEM, Map.of(
                ApiRoute.GET_COLLECTION, request -> COLLECTION, ApiRoute.GET_IMAGE, request -> IMAGE,
                ApiRoute.LIST_COLLECTIONS, request -> COLLECTION)));
    }
}
