package com.userimages.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.RouteScopes;
import com.userimages.contract.Setting;
import com.userimages.local.auth.JwtAuthorizer;
import com.userimages.local.gateway.HttpEventFactory;
import com.userimages.local.gateway.IncomingRequest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creates the table at start when it is absent — by running the create-table function itself on an
 * admin event, so the table's schema is defined in exactly one place (the function), never copied here.
 */
final class TableBootstrap {
    static final String CALLER = "user-images-local";

    private TableBootstrap() {}

    /** @return a one-line account of what happened, for the banner */
    static String ensureTable(FunctionInvoker invoker) throws StartupException {
        ApiRoute route = ApiRoute.of(ApiFunction.CREATE_TABLE).getFirst();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("host", List.of("127.0.0.1"));
        headers.put("user-agent", List.of(CALLER));
        IncomingRequest request = new IncomingRequest(route.method(), route.pathTemplate(), "", headers, new byte[0],
                "127.0.0.1", "HTTP/1.1", 0);
        long now = Instant.now().getEpochSecond();
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", CALLER);
        // Whatever ADMIN_SCOPE names, so the function's own check lets the bootstrap through.
        String adminScope = RouteScopes.from(invoker.settings()).adminSetting();
        claims.put("scope", adminScope);
        claims.put("iat", Long.toString(now));
        claims.put("exp", Long.toString(now + 60));
        APIGatewayV2HTTPEvent event = HttpEventFactory.create(request, route, Map.of(),
                new JwtAuthorizer.Allowed(claims, List.of(adminScope)), UUID.randomUUID().toString(), Instant.now());

        FunctionInvoker.Invocation invocation = invoker.invoke(ApiFunction.CREATE_TABLE, event);
        String table = invoker.settings().value(Setting.TABLE_NAME);
        if (invocation.failed()) {
            throw new StartupException("could not create the table " + table + ": create-table failed: " + invocation.error(),
                    invocation.error());
        }
        int status = invocation.response().getStatusCode();
        return switch (status) {
            case 201 -> "table " + table + " created";
            case 200 -> "table " + table + " already there";
            case 202 -> "table " + table + " is still being created";
            default -> throw new StartupException("could not create the table " + table + ": create-table answered "
                    + status + " " + invocation.response().getBody());
        };
    }
}
