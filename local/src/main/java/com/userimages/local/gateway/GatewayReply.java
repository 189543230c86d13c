package com.userimages.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP response on its way to the client: either one API Gateway produces itself (its
 * {@code {"message": "..."}} shape) or a function's response mapped as the HTTP API maps format 2.0
 * responses.
 */
public record GatewayReply(int status, Map<String, List<String>> headers, byte[] body) {

    public static GatewayReply message(int status, String message) {
        return json(status, "{\"message\":\"" + message + "\"}");
    }

    public static GatewayReply json(int status, String json) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", new ArrayList<>(List.of("application/json")));
        return new GatewayReply(status, headers, json.getBytes(StandardCharsets.UTF_8));
    }

    public static GatewayReply notFound() { return message(404, "Not Found"); }

    public static GatewayReply internalServerError() { return message(500, "Internal Server Error"); }

    public GatewayReply withHeader(String name, String value) {
        headers.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), n -> new ArrayList<>()).add(value);
        return this;
    }

    /**
     * Status, headers (single and multi-value), each cookie as its own set-cookie header, and the body
     * base64-decoded when the function says it is encoded. A response API Gateway could not use (no
     * status, or a body that is not the base64 it claims) is a 500, as in AWS.
     */
    public static GatewayReply fromFunction(APIGatewayV2HTTPResponse response) {
        int status = response.getStatusCode();
        if (status < 100 || status > 599) return internalServerError();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.getHeaders() != null) {
            response.getHeaders().forEach((name, value) -> {
                if (name != null && value != null) {
                    headers.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), n -> new ArrayList<>()).add(value);
                }
            });
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> {
                if (name != null && values != null) {
                    List<String> list = headers.computeIfAbsent(name.toLowerCase(java.util.Locale.ROOT), n -> new ArrayList<>());
                    values.stream().filter(java.util.Objects::nonNull).forEach(list::add);
                }
            });
        }
        if (response.getCookies() != null) {
            List<String> setCookie = headers.computeIfAbsent("set-cookie", n -> new ArrayList<>());
            response.getCookies().stream().filter(java.util.Objects::nonNull).forEach(setCookie::add);
        }
        byte[] body;
        String text = response.getBody();
        if (text == null) {
            body = new byte[0];
        } else if (response.getIsBase64Encoded()) {
            try {
                body = Base64.getDecoder().decode(text.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                return internalServerError();
            }
        } else {
            body = text.getBytes(StandardCharsets.UTF_8);
        }
        return new GatewayReply(status, headers, body);
    }
}
