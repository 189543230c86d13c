package com.userimages.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The HTTP API's routes (API.md, "Routes"): method, path template, the function behind it and the
 * scopes the JWT authorizer demands. Read by the handlers, the local server, the CDK stack and the
 * SAM parity test. Which scopes a route needs is {@link RouteScopes}'.
 */
public enum ApiRoute {
    CREATE_TABLE("POST", "/admin/table", ApiFunction.CREATE_TABLE, true),
    CREATE_COLLECTION("POST", "/collections", ApiFunction.APPEND_COLLECTION, false),
    APPEND_IMAGES("POST", "/collections/{collectionId}/images", ApiFunction.APPEND_COLLECTION, false),
    GET_COLLECTION("GET", "/collections/{collectionId}", ApiFunction.GET_ITEM, false),
    GET_IMAGE("GET", "/collections/{collectionId}/images/{imageId}", ApiFunction.GET_ITEM, false),
    LIST_COLLECTIONS("GET", "/collections", ApiFunction.LIST_PAGE, false),
    REORDER_IMAGES("PUT", "/collections/{collectionId}/order", ApiFunction.APPEND_COLLECTION, false),
    OPEN_UPLOAD("POST", "/collections/{collectionId}/uploads", ApiFunction.APPEND_COLLECTION, false),
    DELETE_COLLECTION("DELETE", "/collections/{collectionId}", ApiFunction.DELETE_ITEM, false),
    DELETE_IMAGE("DELETE", "/collections/{collectionId}/images/{imageId}", ApiFunction.DELETE_ITEM, false);

    private final String method;
    private final String pathTemplate;
    private final ApiFunction function;
    private final boolean admin;

    ApiRoute(String method, String pathTemplate, ApiFunction function, boolean admin) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.function = function;
        this.admin = admin;
    }

    public String method() { return method; }

    public String pathTemplate() { return pathTemplate; }

    public ApiFunction function() { return function; }

    /** The admin route needs the admin scope; every other route is a data route (any data scope). */
    public boolean isAdmin() { return admin; }

    /** Scopes the authorizer requires with the default names (any one of them, as API Gateway's authorizationScopes). */
    public List<String> requiredScopes() { return RouteScopes.DEFAULTS.required(this); }

    /** API Gateway's route key, e.g. {@code GET /collections/{collectionId}}. */
    public String routeKey() { return method + " " + pathTemplate; }

    public static List<ApiRoute> of(ApiFunction function) {
        return Arrays.stream(values()).filter(r -> r.function == function).toList();
    }

    /** The route with this route key; empty for an event's routeKey that this API does not have. */
    public static Optional<ApiRoute> byRouteKey(String routeKey) {
        return Arrays.stream(values()).filter(r -> r.routeKey().equals(routeKey)).findFirst();
    }
}
