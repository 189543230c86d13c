package com.userimages.local.gateway;

import com.userimages.contract.ApiRoute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RouteMatcherTest {
    private final RouteMatcher matcher = RouteMatcher.forApi();

    @ParameterizedTest
    @EnumSource(ApiRoute.class)
    void everyRouteOfTheTableIsServedAtItsOwnPath(ApiRoute route) {
        String path = route.pathTemplate().replace("{collectionId}", "c-1").replace("{imageId}", "i-2");
        RouteMatcher.Match match = matcher.match(route.method(), path);
        assertEquals(route, match.route());
        for (String name : List.of("collectionId", "imageId")) {
            if (route.pathTemplate().contains("{" + name + "}")) {
                assertEquals(name.equals("collectionId") ? "c-1" : "i-2", match.pathParameters().get(name));
            }
        }
    }

    @Test
    void pathParametersArePercentDecodedButPlusStaysPlus() {
        RouteMatcher.Match match = matcher.match("GET", "/collections/a%20b+c%C3%A9");
        assertEquals(Map.of("collectionId", "a b+cé"), match.pathParameters());
    }

    @ParameterizedTest
    @CsvSource({
            "GET, /",
            "GET, /collections/",
            "GET, //collections",
            "GET, /collections/x/images",
            "DELETE, /collections",
            "get, /collections",
            "GET, /Collections",
            "GET, /collections/x/images/",
            "GET, /collections/%zz",
            "POST, /admin/table/",
            "HEAD, /collections"
    })
    void anythingElseIsNoRoute(String method, String path) {
        assertNull(matcher.match(method, path));
    }

    @Test
    void aLiteralSegmentWinsOverAParameter() {
        RouteMatcher custom = new RouteMatcher(List.of(ApiRoute.GET_COLLECTION, ApiRoute.LIST_COLLECTIONS));
        assertEquals(ApiRoute.LIST_COLLECTIONS, custom.match("GET", "/collections").route());
        assertEquals(ApiRoute.GET_COLLECTION, custom.match("GET", "/collections/collections").route());
    }
}
