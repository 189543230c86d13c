package com.userimages.handlers;

import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.Scopes;
import com.userimages.contract.Setting;
import com.userimages.contract.Settings;
import com.userimages.core.http.GatewayEvents;
import com.userimages.wiring.FunctionComponents;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.TestApi;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every data route needs one of DATA_SCOPES and the admin route ADMIN_SCOPE, checked by the function
 * as well as the gateway, so that an ID token (an audience, no scope) never reads or writes data.
 */
@ExtendWith(DynamoDbExtension.class)
class RouteScopeCheckTest {
    private static final Map<ApiFunction, Function<FunctionComponents, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>>> HANDLERS = Map.of(
            ApiFunction.APPEND_COLLECTION, AppendCollectionHandler::new,
            ApiFunction.GET_ITEM, GetItemHandler::new,
            ApiFunction.LIST_PAGE, ListPageHandler::new,
            ApiFunction.DELETE_ITEM, DeleteItemHandler::new,
            ApiFunction.CREATE_TABLE, CreateTableHandler::new);

    private static APIGatewayV2HTTPResponse call(Settings settings, ApiRoute route, GatewayEvents event) {
        FunctionComponents components = FunctionComponents.builder(settings).dynamoDb(DynamoDbExtension.client()).build();
        return HANDLERS.get(route.function()).apply(components).handleRequest(event.build(), null);
    }

    private static GatewayEvents event(ApiRoute route) {
        GatewayEvents event = GatewayEvents.request(route).path("collectionId", UUID.randomUUID().toString())
                .path("imageId", UUID.randomUUID().toString());
        if (route == ApiRoute.CREATE_COLLECTION || route == ApiRoute.APPEND_IMAGES) {
            event.body("{\"images\":[{\"url\":\"https://img.example/a.png\"}]}");
        } else if (route == ApiRoute.REORDER_IMAGES) {
            event.body("{\"order\":[]}");
        }
        return event;
    }

    private static boolean passedTheCheck(APIGatewayV2HTTPResponse response) {
        return response.getStatusCode() != 403 && response.getStatusCode() != 401 && response.getStatusCode() < 500;
    }

    @ParameterizedTest
    @EnumSource(ApiRoute.class)
    void aTokenWithoutAScopeIsRefusedOnEveryRoute(ApiRoute route) {
        String user = TestApi.newUser();
        var response = call(DynamoDbExtension.settings(), route, event(route).asWithoutScopes(user));
        var body = expectError(403, "FORBIDDEN", response);
        String expected = route.isAdmin() ? "This operation needs the scope images/admin."
                : "This operation needs one of the scopes images/user, images/admin.";
        assertEquals(expected, body.path("error").path("message").asText());
        // Another service's scope is no better than none.
        expectError(403, "FORBIDDEN", call(DynamoDbExtension.settings(), route, event(route).as(user, "openid", "email")));
    }

    @ParameterizedTest
    @EnumSource(ApiRoute.class)
    void theDefaultScopesPass(ApiRoute route) {
        String scope = route.isAdmin() ? Scopes.ADMIN : Scopes.USER;
        var response = call(DynamoDbExtension.settings(), route, event(route).as(TestApi.newUser(), "openid", scope));
        assertTrue(passedTheCheck(response), route + " answered " + response.getStatusCode() + " " + response.getBody());
        if (!route.isAdmin()) {
            var admin = call(DynamoDbExtension.settings(), route, event(route).as(TestApi.newUser(), Scopes.ADMIN));
            assertTrue(passedTheCheck(admin), route + " with the admin scope answered " + admin.getStatusCode());
        }
    }

    @ParameterizedTest
    @EnumSource(ApiRoute.class)
    void theSettingsRenameTheScopes(ApiRoute route) {
        Settings renamed = DynamoDbExtension.settings().with(Setting.ADMIN_SCOPE, "api://images/operator")
                .with(Setting.DATA_SCOPES, "api://images/read,api://images/write");
        String user = TestApi.newUser();
        expectError(403, "FORBIDDEN", call(renamed, route, event(route).as(user, Scopes.USER, Scopes.ADMIN)));
        String scope = route.isAdmin() ? "api://images/operator" : "api://images/write";
        var response = call(renamed, route, event(route).as(user, scope));
        assertTrue(passedTheCheck(response), route + " answered " + response.getStatusCode() + " " + response.getBody());
    }

    @ParameterizedTest
    @EnumSource(ApiRoute.class)
    void noneTurnsTheCheckOff(ApiRoute route) {
        Settings off = DynamoDbExtension.settings().with(Setting.ADMIN_SCOPE, "none").with(Setting.DATA_SCOPES, "none");
        var response = call(off, route, event(route).asWithoutScopes(TestApi.newUser()));
        assertTrue(passedTheCheck(response), route + " answered " + response.getStatusCode() + " " + response.getBody());
    }

    @Test
    void noClaimsIsStill401BeforeAnyScope() {
        expectError(401, "UNAUTHORIZED", call(DynamoDbExtension.settings(), ApiRoute.LIST_COLLECTIONS, event(ApiRoute.LIST_COLLECTIONS)));
    }

    @Test
    void aMalformedScopeSettingStopsTheWiring() {
        Settings bad = DynamoDbExtension.settings().with(Setting.DATA_SCOPES, "images/user images/admin");
        var e = assertThrows(IllegalStateException.class,
                () -> new GetItemHandler(FunctionComponents.builder(bad).dynamoDb(DynamoDbExtension.client()).build()));
        assertTrue(e.getMessage().startsWith("setting DATA_SCOPES "), e.getMessage());
    }
}
