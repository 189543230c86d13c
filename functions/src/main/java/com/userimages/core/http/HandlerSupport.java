package com.userimages.core.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.core.error.ApiException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.function.Function;

/**
 * The one place a handler's outcome becomes a response: API errors map to their status, anything
 * unexpected is logged in full and answered with a bare 500 that names nothing of the failure.
 */
public final class HandlerSupport {
    private HandlerSupport() {}

    public static APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context,
                                                  Function<ApiRequest, APIGatewayV2HTTPResponse> action) {
        String fallbackId = context == null ? "unknown" : context.getAwsRequestId();
        ApiRequest request = new ApiRequest(event == null ? new APIGatewayV2HTTPEvent() : event);
        String requestId = request.requestId(fallbackId);
        try {
            return action.apply(request);
        } catch (ApiException e) {
            return ApiResponses.error(e, requestId);
        } catch (RuntimeException e) {
            log(context, "unhandled error for request " + requestId + ": " + stackTrace(e));
            return ApiResponses.internalError(requestId);
        }
    }

    private static void log(Context context, String message) {
        if (context != null && context.getLogger() != null) {
            context.getLogger().log(message);
        } else {
            System.err.println(message);
        }
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
