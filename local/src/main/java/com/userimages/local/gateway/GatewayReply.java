package com.userimages.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response on its way to the client: either one API Gateway produces itself (its
 * {@code {"message": "..."}} shape) or a function's response mapped as the HTTP API maps format 2.0
 * responses.
 */
public record GatewayReply(int status, Map<String, List<String>> headers, byte[] body) {

    /** An immutable value: header names lower-cased, the maps and lists copied. */
    public GatewayReply {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).addAll(values));
        copy.replaceAll((name, values) -> List.copyOf(values));
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body.clone();
    }

    @Override
    public byte[] body() { return body.clone(); }

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

    /** A new reply with this header value added after any it already has. */
    public GatewayReply withHeader(String name, String value) {
        Map<String, List<String>> more = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(more.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
        values.add(Objects.requireNonNull(value));
        more.put(name.toLowerCase(Locale.ROOT), values);
        return new GatewayReply(status, more, body);
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
                    headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>()).add(value);
                }
            });
        }
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> {
                if (name != null && values != null) {
                    List<String> list = headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>());
                    values.stream().filter(Objects::nonNull).forEach(list::add);
                }
            });
        }
        if (response.getCookies() != null) {
            List<String> setCookie = headers.computeIfAbsent("set-cookie", n -> new ArrayList<>());
            response.getCookies().stream().filter(Objects::nonNull).forEach(setCookie::add);
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
