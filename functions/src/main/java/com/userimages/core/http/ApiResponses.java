package com.userimages.core.http;

import com.userimages.core.json.JsonOutput;
import com.userimages.core.json.JsonBody;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import java.util.HashMap;
import java.util.Map;

/** Builds payload 2.0 responses: JSON bodies, and API.md's error shape. */
public final class ApiResponses {
    private ApiResponses() {}

    public static APIGatewayV2HTTPResponse json(int status, JsonBody body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse json(int status, JsonBody body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new HashMap<>(extraHeaders);
        headers.put("content-type", "application/json");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(body.text())
                .withIsBase64Encoded(false)
                .build();
    }

    /**
     * 304: the client's copy (named by {@code If-None-Match}) is current; no body, and of the headers
     * its 200 would have had those RFC 9110 §15.4.5 asks for (the ETag, a Cache-Control).
     */
    public static APIGatewayV2HTTPResponse notModified(Map<String, String> headers) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(304)
                .withHeaders(Map.copyOf(headers))
                .withIsBase64Encoded(false)
                .build();
    }

    /** 204: done, nothing to say. */
    public static APIGatewayV2HTTPResponse noContent() {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(204)
                .withHeaders(Map.of())
                .withIsBase64Encoded(false)
                .build();
    }

    /** {@code {"error": {"code", "message", "requestId"}}}, with {@code Retry-After} for 429 and 503. */
    public static APIGatewayV2HTTPResponse error(ApiException e, String requestId) {
        Integer retryAfter = e.retryAfterSeconds();
        return json(e.status(), errorBody(e.code(), e.getMessage(), requestId),
                retryAfter == null ? Map.of() : Map.of("retry-after", retryAfter.toString()));
    }

    /** The server failed: a 500 that names nothing of the failure. */
    public static APIGatewayV2HTTPResponse internalError(String requestId) {
        return json(500, errorBody(ErrorCode.INTERNAL_ERROR.name(), ErrorCode.INTERNAL_ERROR.defaultMessage(), requestId));
    }

    private static JsonBody errorBody(String code, String message, String requestId) {
        return new JsonBody(JsonOutput.write(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeStringField("code", code);
            g.writeStringField("message", message);
            g.writeStringField("requestId", requestId);
            g.writeEndObject();
            g.writeEndObject();
        }));
    }
}
