package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.RouteScopes;
import com.userimages.contract.ApiRoute;
import com.userimages.core.data.TableAdmin;
import com.userimages.core.http.ApiResponses;
import com.userimages.core.http.HandlerSupport;
import com.userimages.core.observability.RequestLog;
import com.userimages.core.http.ResponseBodies;
import com.userimages.wiring.FunctionComponents;
import java.time.Duration;

/** {@code POST /admin/table}: creates the table if absent and waits for it to become ACTIVE. */
public final class CreateTableHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final TableAdmin admin;
    private final Duration maxWait;
    private final RequestLog log;
    private final RouteScopes scopes;

    /** The Lambda path: wired from the environment when Lambda constructs the handler during init, once per container. */
    public CreateTableHandler() {
        this(FunctionComponents.forLambda(ApiFunction.CREATE_TABLE));
    }

    public CreateTableHandler(FunctionComponents components) {
        this.admin = components.tableAdmin();
        this.maxWait = components.tableCreationWait();
        this.log = components.requestLog(ApiFunction.CREATE_TABLE);
        this.scopes = components.routeScopes();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HandlerSupport.handle(log, scopes, event, context, request -> {
            // The gateway enforces the scope too, and HandlerSupport checks the routes it recognizes; this
            // function serves whatever event reaches it, so it checks again whatever the event's route key.
            request.caller().requireAnyScope(scopes.required(ApiRoute.CREATE_TABLE));
            TableAdmin.TableState state = admin.ensureTable(maxWait);
            int status = !state.active() ? 202 : state.created() ? 201 : 200;
            return ApiResponses.json(status, ResponseBodies.tableState(state.tableName(), state.active(), state.created()));
        });
    }
}
