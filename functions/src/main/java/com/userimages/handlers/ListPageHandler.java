package com.userimages.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.core.http.ApiResponses;
import com.userimages.core.http.HandlerSupport;
import com.userimages.core.http.Json;

/** {@code GET /collections}: not built yet (issue 3); answers 501 rather than pretending. */
public final class ListPageHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return HandlerSupport.handle(event, context, request -> {
            request.caller();
            var error = Json.object().put("code", "NOT_IMPLEMENTED").put("message", "Listing is not available yet.")
                    .put("requestId", request.requestId(context == null ? "unknown" : context.getAwsRequestId()));
            return ApiResponses.json(501, Json.object().set("error", error));
        });
    }
}
