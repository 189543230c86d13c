package com.userimages.core.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.userimages.core.error.ApiException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/** Read access to a payload 2.0 event: the caller, path and query parameters, and a strictly parsed JSON body. */
public final class ApiRequest {
    /** API.md: a body over 256 KB is a 413. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private final APIGatewayV2HTTPEvent event;
    /** The caller once read, for the request line's callerHash (null until then). */
    private Caller caller;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
    }

    public Caller caller() {
        if (caller == null) caller = Caller.from(event);
        return caller;
    }

    /** The caller, if a handler read one (successfully) for this request. */
    public Optional<Caller> callerIfRead() {
        return Optional.ofNullable(caller);
    }

    /** The event's route key (the gateway's), if any. */
    public Optional<String> routeKey() {
        String key = event.getRouteKey();
        if (key == null && event.getRequestContext() != null) key = event.getRequestContext().getRouteKey();
        return Optional.ofNullable(key);
    }

    /** A path parameter the route guarantees; absent means the event does not match the route. */
    public String pathParameter(String name) {
        Map<String, String> params = event.getPathParameters();
        String value = params == null ? null : params.get(name);
        if (value == null || value.isEmpty()) {
            throw new ApiException.BadRequest("INVALID_PATH", "The path parameter " + name + " is missing.");
        }
        return value;
    }

    public Map<String, String> queryParameters() {
        Map<String, String> params = event.getQueryStringParameters();
        return params == null ? Map.of() : params;
    }

    /** The body as a JSON object: valid UTF-8, one JSON value and nothing after it, no duplicate keys. */
    public ObjectNode jsonObjectBody() {
        String text = bodyText();
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new ApiException.BadRequest("INVALID_JSON", "The body is not valid JSON.");
        }
        if (node == null || node.isMissingNode()) {
            throw new ApiException.BadRequest("INVALID_JSON", "The body is empty.");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new ApiException.BadRequest("INVALID_JSON", "The body must be a JSON object.");
        }
        return object;
    }

    private String bodyText() {
        String body = event.getBody();
        if (body == null || body.isEmpty()) {
            throw new ApiException.BadRequest("INVALID_JSON", "The body is empty.");
        }
        byte[] bytes;
        if (event.getIsBase64Encoded()) {
            // Cheap pre-check so a huge body is refused before it is decoded.
            if ((long) body.length() * 3 / 4 > MAX_BODY_BYTES + 3) throw tooLarge();
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new ApiException.BadRequest("INVALID_BODY", "The body's base64 encoding is malformed.");
            }
        } else {
            if (body.length() > MAX_BODY_BYTES) throw tooLarge();
            bytes = body.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) throw tooLarge();
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ApiException.BadRequest("INVALID_JSON", "The body is not valid UTF-8.");
        }
    }

    private static ApiException tooLarge() {
        return new ApiException.PayloadTooLarge("BODY_TOO_LARGE", "The body is larger than 256 KB.");
    }

    public String requestId(String fallback) {
        var context = event.getRequestContext();
        String id = context == null ? null : context.getRequestId();
        return id == null || id.isEmpty() ? fallback : id;
    }
}
