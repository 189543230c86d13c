package com.userimages.contract.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.ApiRoute;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** openapi.yaml has exactly ApiRoute's routes, with its scopes and functions: in both directions. */
class OpenApiRoutesTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.load();

    private static Map<String, OpenApiContract.Operation> documented() {
        Map<String, OpenApiContract.Operation> byKey = new TreeMap<>();
        for (var op : CONTRACT.operations()) byKey.put(op.routeKey(), op);
        return byKey;
    }

    @Test
    void theDocumentHasExactlyApiRoutesRoutes() {
        Set<String> expected = new TreeSet<>();
        Arrays.stream(ApiRoute.values()).map(ApiRoute::routeKey).forEach(expected::add);
        assertEquals(expected, documented().keySet());
    }

    @Test
    void eachRouteHasApiRoutesScopes() {
        var documented = documented();
        for (ApiRoute route : ApiRoute.values()) {
            assertEquals(route.requiredScopes(), documented.get(route.routeKey()).scopes(), route.routeKey());
        }
    }

    @Test
    void eachRouteIsTaggedWithItsFunction() {
        var documented = documented();
        for (ApiRoute route : ApiRoute.values()) {
            assertEquals(List.of(route.function().functionName()), documented.get(route.routeKey()).tags(), route.routeKey());
        }
    }

    @Test
    void everyPathTemplateVariableIsARequiredPathParameter() {
        Pattern variable = Pattern.compile("\\{([^}]+)}");
        for (var op : CONTRACT.operations()) {
            Set<String> inTemplate = new TreeSet<>();
            Matcher m = variable.matcher(op.pathTemplate());
            while (m.find()) inTemplate.add(m.group(1));
            Set<String> declared = parameters(op).stream().filter(p -> p.path("in").asString().equals("path"))
                    .peek(p -> assertTrue(p.path("required").asBoolean(), op.routeKey() + ": " + p))
                    .map(p -> p.path("name").asString()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(inTemplate, declared, op.routeKey());
        }
    }

    /**
     * API.md (v5), "Versions and conditional requests": both preconditions on every route that names
     * one collection (a create names the body's), in RFC 9110's order; none on the listing or the table route.
     */
    @Test
    void theConditionalRequestHeadersAreWhereApiMdSays() {
        List<String> both = List.of("If-Match", "If-None-Match");
        Map<String, List<String>> expected = Map.of(
                "POST /collections", both,
                "GET /collections/{collectionId}", both,
                "GET /collections/{collectionId}/images/{imageId}", both,
                "POST /collections/{collectionId}/images", both,
                "PUT /collections/{collectionId}/order", both,
                "DELETE /collections/{collectionId}", both,
                "DELETE /collections/{collectionId}/images/{imageId}", both);
        for (var op : CONTRACT.operations()) {
            List<String> headers = parameters(op).stream().filter(p -> p.path("in").asString().equals("header"))
                    .map(p -> p.path("name").asString()).toList();
            assertEquals(expected.getOrDefault(op.routeKey(), List.of()), headers, op.routeKey());
        }
    }

    private static List<JsonNode> parameters(OpenApiContract.Operation op) {
        JsonNode path = CONTRACT.document().at("/paths/" + OpenApiContract.escape(op.pathTemplate()));
        List<JsonNode> out = new java.util.ArrayList<>();
        for (JsonNode p : path.path("parameters")) out.add(resolve(p));
        for (JsonNode p : path.path(op.method().toLowerCase()).path("parameters")) out.add(resolve(p));
        return out;
    }

    private static JsonNode resolve(JsonNode node) {
        return node.has("$ref") ? CONTRACT.document().at(node.get("$ref").asString().substring(1)) : node;
    }
}
