package com.userimages.core.priming;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.RouteScopes;
import com.userimages.contract.Subjects;
import com.userimages.core.http.GatewayEvents;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The request each function primes itself with: the full path of a real request (event parsing,
 * validation, the SDK call with its signer, endpoint rules and HTTP client, the streaming JSON
 * reader (append's body) and writer (every answer)), on one that changes nothing. The caller is a
 * reserved subject and the collection a fresh random id, so a read finds nothing and the conditional append or delete is refused (404) without writing.
 */
public final class PrimingRequests {
    private PrimingRequests() {}

    /** The priming request with the default scope names. */
    public static Optional<APIGatewayV2HTTPEvent> forFunction(ApiFunction function) {
        return forFunction(function, RouteScopes.DEFAULTS);
    }

    /**
     * The priming request, or empty for create-table: it runs rarely and its calls are control-plane ones.
     * It carries the scopes the function is configured to want, so it primes the real path, not a 403.
     */
    public static Optional<APIGatewayV2HTTPEvent> forFunction(ApiFunction function, RouteScopes scopes) {
        String absent = UUID.randomUUID().toString();
        List<String> data = scopes.dataScopes();
        return switch (function) {
            case CREATE_TABLE -> Optional.empty();
            case APPEND_COLLECTION -> Optional.of(GatewayEvents.authorized(ApiRoute.APPEND_IMAGES, Subjects.PRIMING_SUBJECT,
                    Map.of("collectionId", absent), Map.of(),
                    "{\"images\":[{\"imageId\":\"" + UUID.randomUUID() + "\",\"url\":\"https://priming.invalid/i.png\"}]}", data));
            case GET_ITEM -> Optional.of(GatewayEvents.authorized(ApiRoute.GET_COLLECTION, Subjects.PRIMING_SUBJECT,
                    Map.of("collectionId", absent), Map.of(), null, data));
            case LIST_PAGE -> Optional.of(GatewayEvents.authorized(ApiRoute.LIST_COLLECTIONS, Subjects.PRIMING_SUBJECT,
                    Map.of(), Map.of("limit", "1"), null, data));
            // A conditional DeleteItem on a collection that does not exist: refused (404), nothing written.
            case DELETE_ITEM -> Optional.of(GatewayEvents.authorized(ApiRoute.DELETE_COLLECTION, Subjects.PRIMING_SUBJECT,
                    Map.of("collectionId", absent), Map.of(), null, data));
        };
    }
}
