package com.userimages.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteScopesTest {
    @Test
    void everyRouteNeedsAScopeByDefault() {
        for (ApiRoute route : ApiRoute.values()) {
            assertFalse(RouteScopes.DEFAULTS.required(route).isEmpty(), route.routeKey());
            // An ID token carries an audience but no scope: it opens no route.
            assertFalse(RouteScopes.DEFAULTS.allows(route, List.of()), route.routeKey());
        }
        assertEquals(List.of(Scopes.ADMIN), ApiRoute.CREATE_TABLE.requiredScopes());
        assertEquals(List.of(Scopes.USER, Scopes.ADMIN), ApiRoute.GET_COLLECTION.requiredScopes());
        assertTrue(RouteScopes.DEFAULTS.allows(ApiRoute.LIST_COLLECTIONS, List.of("openid", Scopes.USER)));
        assertFalse(RouteScopes.DEFAULTS.allows(ApiRoute.CREATE_TABLE, List.of(Scopes.USER)));
    }

    @Test
    void theSettingsNameTheScopes() {
        Settings settings = Settings.defaults().with(Setting.ADMIN_SCOPE, "api://images/admin")
                .with(Setting.DATA_SCOPES, "api://images/read, api://images/write");
        RouteScopes scopes = RouteScopes.from(settings);
        assertEquals(Optional.of("api://images/admin"), scopes.adminScope());
        assertEquals(List.of("api://images/read", "api://images/write"), scopes.required(ApiRoute.DELETE_IMAGE));
        assertEquals(RouteScopes.DEFAULTS, RouteScopes.from(Settings.defaults()));
        assertEquals("images/user,images/admin", Setting.DATA_SCOPES.defaultValue());
        assertEquals("images/admin", Setting.ADMIN_SCOPE.defaultValue());
    }

    @Test
    void noneTurnsACheckOffOnlyWhenSaidSo() {
        RouteScopes off = RouteScopes.parse("images/admin", "none");
        assertTrue(off.allows(ApiRoute.GET_IMAGE, List.of()));
        assertTrue(off.anyCheckOff());
        assertFalse(RouteScopes.DEFAULTS.anyCheckOff());
        assertEquals("none", off.dataSetting());
        assertTrue(RouteScopes.parse("none", "images/user").allows(ApiRoute.CREATE_TABLE, List.of()));
    }

    @Test
    void malformedScopeSettingsFailAtInit() {
        for (String bad : List.of("a b", "images/user,,images/admin", "none,images/user", "images/\u0000admin", "\"x\"")) {
            assertTrue(Setting.DATA_SCOPES.problem(bad).isPresent(), bad);
            assertThrows(IllegalArgumentException.class, () -> RouteScopes.parse("images/admin", bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> RouteScopes.parse("a,b", "none"));
        assertThrows(IllegalStateException.class, () -> RouteScopes.from(Settings.defaults().with(Setting.DATA_SCOPES, "a b")));
    }
}
