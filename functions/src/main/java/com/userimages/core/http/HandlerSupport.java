package com.userimages.core.http;

import com.userimages.contract.Subjects;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.RouteScopes;
import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import com.userimages.core.observability.RequestLine;
import com.userimages.core.observability.RequestLog;
import com.userimages.core.observability.RequestMetrics;
import java.time.Instant;
import java.util.function.Function;

/**
 * The one place a handler's outcome becomes a response: API errors map to their status, anything
 * unexpected is answered with a bare 500 that names nothing of the failure. Every request then
 * leaves its request line (with the failure's cause, for the operators) in the function's log.
 */
public final class HandlerSupport {
    private HandlerSupport() {}

    /** With the default scope names (tests, benchmarks). */
    public static APIGatewayV2HTTPResponse handle(RequestLog log, APIGatewayV2HTTPEvent event, Context context,
                                                  Function<ApiRequest, APIGatewayV2HTTPResponse> action) {
        return handle(log, RouteScopes.DEFAULTS, event, context, action);
    }

    /**
     * @param scopes the scopes each route needs: checked (401, then 403) before the action runs for
     *               every route of this function, as the gateway does before it invokes the function
     */
    public static APIGatewayV2HTTPResponse handle(RequestLog log, RouteScopes scopes, APIGatewayV2HTTPEvent event, Context context,
                                                  Function<ApiRequest, APIGatewayV2HTTPResponse> action) {
        long started = System.nanoTime();
        Instant startedAt = log.now();
        String awsRequestId = context == null ? null : context.getAwsRequestId();
        String fallbackId = awsRequestId == null ? "unknown" : awsRequestId;
        ApiRequest request = new ApiRequest(event == null ? new APIGatewayV2HTTPEvent() : event);
        String requestId = request.requestId(fallbackId);
        RequestMetrics metrics = new RequestMetrics();
        APIGatewayV2HTTPResponse response;
        String errorCode = null;
        Throwable cause = null;
        try {
            response = metrics.during(() -> {
                authorize(request, scopes, log.function());
                return action.apply(request);
            });
        } catch (ApiException e) {
            response = ApiResponses.error(e, requestId);
            errorCode = e.code();
            cause = e.getCause();
        } catch (RuntimeException e) {
            response = ApiResponses.internalError(requestId);
            errorCode = ErrorCode.INTERNAL_ERROR.name();
            cause = e;
        }
        if (!isPriming(request, context)) {
            long latencyMs = (System.nanoTime() - started) / 1_000_000;
            String routeKey = request.routeKey().flatMap(ApiRoute::byRouteKey)
                    .filter(route -> route.function() == log.function())
                    .map(ApiRoute::routeKey).orElse(RequestLine.UNMATCHED_ROUTE);
            String callerHash = request.callerIfRead().map(c -> RequestLine.callerHash(c.userId())).orElse(null);
            log.write(new RequestLine(startedAt, requestId, awsRequestId, log.function(), routeKey,
                    response.getStatusCode(), errorCode, latencyMs, log.takeColdStart(), metrics.readUnits(),
                    metrics.writeUnits(), metrics.queryCalls(), metrics.itemsEvaluated(), metrics.partial(),
                    metrics.orphanedObjects(), callerHash, cause));
        }
        return response;
    }

    /**
     * The gateway checks the scopes too; checked again so that a route deployed without them (or an
     * authorizer misconfigured) cannot open the data to any token of the audience, ID tokens included.
     * An event for a route this function does not serve is left to the action (404).
     */
    private static void authorize(ApiRequest request, RouteScopes scopes, com.userimages.contract.ApiFunction function) {
        var route = request.routeKey().flatMap(ApiRoute::byRouteKey).filter(r -> r.function() == function);
        if (route.isPresent()) request.caller().requireAnyScope(scopes.required(route.get()));
    }

    /** The function's own SnapStart priming request (no Lambda context, the reserved subject): not a request of anyone's. */
    private static boolean isPriming(ApiRequest request, Context context) {
        return context == null && request.callerIfRead()
                .filter(c -> Subjects.PRIMING_SUBJECT.equals(c.userId())).isPresent();
    }
}
