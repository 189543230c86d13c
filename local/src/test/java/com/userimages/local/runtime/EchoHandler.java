package com.userimages.local.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only function: answers with the event it received (so a test sees exactly what the gateway
 * built), and on request with the response shapes the gateway must map (cookies, multi-value headers,
 * base64 bodies) or with the failures it must hide (an exception, an unusable response).
 */
public final class EchoHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    public static final byte[] BINARY = {0, 1, 2, (byte) 0xFF};
    /** How often any function ran: the gateway's own refusals must leave it unchanged. */
    public static final AtomicInteger INVOCATIONS = new AtomicInteger();

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        INVOCATIONS.incrementAndGet();
        Map<String, String> query = event.getQueryStringParameters() == null ? Map.of() : event.getQueryStringParameters();
        context.getLogger().log("echo " + event.getRawPath() + " remaining " + context.getRemainingTimeInMillis());
        if (query.containsKey("throw")) throw new IllegalStateException("secret internal detail");
        if (query.containsKey("nostatus")) return APIGatewayV2HTTPResponse.builder().withBody("x").build();
        if (query.containsKey("binary")) {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                    .withHeaders(Map.of("Content-Type", "application/octet-stream"))
                    .withBody(Base64.getEncoder().encodeToString(BINARY)).withIsBase64Encoded(true).build();
        }
        return APIGatewayV2HTTPResponse.builder()
                // 201 on the admin route, so the server's start-up table check passes.
                .withStatusCode(query.containsKey("status") ? Integer.parseInt(query.get("status"))
                        : "POST /admin/table".equals(event.getRouteKey()) ? 201 : 200)
                .withHeaders(Map.of("Content-Type", "application/json", "X-Echo", "1"))
                .withMultiValueHeaders(Map.of("X-Multi", List.of("a", "b")))
                .withCookies(List.of("c1=v1; Path=/", "c2=v2"))
                .withBody(LambdaJson.write(Map.of("event", event, "context", Map.of(
                        "awsRequestId", context.getAwsRequestId(),
                        "functionName", context.getFunctionName(),
                        "remainingTimeInMillis", context.getRemainingTimeInMillis()))))
                .build();
    }
}
