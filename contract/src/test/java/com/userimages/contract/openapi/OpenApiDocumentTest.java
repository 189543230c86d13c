package com.userimages.contract.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** openapi.yaml on its own: valid OpenAPI 3.0.3 with no parser message, honest examples, API Gateway's authorizer. */
class OpenApiDocumentTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.load();

    private static SwaggerParseResult parse(String text) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(text, null, options);
    }

    @Test
    void isValidOpenApi303WithNoParserMessages() {
        SwaggerParseResult result = parse(CONTRACT.text());
        assertEquals(List.of(), result.getMessages());
        assertNotNull(result.getOpenAPI());
        assertEquals("3.0.3", result.getOpenAPI().getOpenapi());
    }

    @Test
    void theParserWouldReportABrokenDocument() {
        // The check above can fail: an unresolvable $ref and a missing responses object are messages.
        String broken = CONTRACT.text().replace("$ref: '#/components/schemas/TableActive'", "$ref: '#/components/schemas/NoSuchSchema'");
        assertFalse(parse(broken).getMessages().isEmpty());
    }

    @Test
    void theJwtAuthorizerIsAnOauth2SchemeWithApiGatewaysExtension() {
        OpenAPI api = parse(CONTRACT.text()).getOpenAPI();
        // Every data route needs one of the data scopes: one requirement per scope, since OpenAPI requires
        // every scope listed within one requirement.
        assertEquals(List.of(Map.of("jwt", List.of("images/user")), Map.of("jwt", List.of("images/admin"))),
                api.getSecurity().stream().map(r -> (Map<?, ?>) r).toList());
        SecurityScheme jwt = api.getComponents().getSecuritySchemes().get("jwt");
        assertEquals(SecurityScheme.Type.OAUTH2, jwt.getType());
        assertTrue(jwt.getFlows().getAuthorizationCode().getScopes().keySet().containsAll(List.of("images/admin", "images/user")));

        JsonNode authorizer = CONTRACT.document().at("/components/securitySchemes/jwt/x-amazon-apigateway-authorizer");
        assertEquals("jwt", authorizer.path("type").asString());
        assertEquals("$request.header.Authorization", authorizer.path("identitySource").asString());
        assertTrue(authorizer.at("/jwtConfiguration/issuer").isString());
        assertTrue(authorizer.at("/jwtConfiguration/audience").isArray());
        assertFalse(authorizer.at("/jwtConfiguration/audience").isEmpty());
    }

    @Test
    void everyOperationAnswers401AndHasAUniqueOperationId() {
        List<String> ids = new ArrayList<>();
        for (var op : CONTRACT.operations()) {
            JsonNode operation = CONTRACT.document().at("/paths/" + OpenApiContract.escape(op.pathTemplate()) + "/" + op.method().toLowerCase());
            assertTrue(operation.at("/responses/401").isObject(), op.routeKey());
            assertTrue(operation.at("/responses/500").isObject(), op.routeKey());
            ids.add(operation.path("operationId").asString());
        }
        assertEquals(ids.size(), ids.stream().distinct().count(), () -> "operationIds: " + ids);
    }

    /** Every example in the document validates against the schema it illustrates. */
    @Test
    void everyExampleValidatesAgainstItsSchema() {
        List<String> problems = new ArrayList<>();
        int[] checked = {0};
        walk(CONTRACT.document(), "", (pointer, node) -> {
            if (!node.has("schema")) return;
            String schemaPointer = pointer + "/schema";
            if (node.has("example")) {
                checked[0]++;
                CONTRACT.valueProblems(schemaPointer, node.get("example")).forEach(p -> problems.add(pointer + ": " + p));
            }
            for (var example : node.path("examples").properties()) {
                checked[0]++;
                CONTRACT.valueProblems(schemaPointer, example.getValue().get("value"))
                        .forEach(p -> problems.add(pointer + "/examples/" + example.getKey() + ": " + p));
            }
        });
        assertEquals(List.of(), problems);
        assertTrue(checked[0] >= 30, "examples checked: " + checked[0]);
    }

    @Test
    void aWrongExampleWouldBeFound() {
        JsonNode bad = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree("{\"imagesCollectionId\":\"6F1C2A9E-8D4B-4C1E-9A7F-3B2D1E0C9F8A\",\"timestamp\":\"2026-05-01T12:00:00Z\",\"imageCount\":0,\"images\":[]}");
        assertFalse(CONTRACT.valueProblems("/components/schemas/Collection", bad).isEmpty(), "stored ids are lower-case");
    }

    private interface Visitor { void visit(String pointer, JsonNode node); }

    private static void walk(JsonNode node, String pointer, Visitor visitor) {
        if (node.isObject()) {
            visitor.visit(pointer, node);
            for (var field : node.properties()) {
                if (field.getKey().equals("example") || field.getKey().equals("examples")) continue;
                walk(field.getValue(), pointer + "/" + OpenApiContract.escape(field.getKey()), visitor);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) walk(node.get(i), pointer + "/" + i, visitor);
        }
    }
}
