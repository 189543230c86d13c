package com.userimages.local.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.RouteScopes;
import com.userimages.contract.Setting;
import com.userimages.local.engine.StartupException;

import java.util.Map;

/**
 * Creates the table at start when it is absent — by running the create-table function itself on an
 * admin event, so the table's schema is defined in exactly one place (the function), never copied here.
 */
public final class TableBootstrap {
    static final String CALLER = "user-images-local";

    private TableBootstrap() {}

    /** @return a one-line account of what happened, for the banner */
    public static String ensureTable(FunctionInvoker invoker) throws StartupException {
        ApiRoute route = ApiRoute.of(ApiFunction.CREATE_TABLE).getFirst();
        // Whatever ADMIN_SCOPE names, so the function's own check lets the bootstrap through.
        String adminScope = RouteScopes.from(invoker.settings()).adminSetting();
        APIGatewayV2HTTPEvent event = StartupEvents.of(route, route.pathTemplate(), Map.of(), null, CALLER, adminScope);

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
