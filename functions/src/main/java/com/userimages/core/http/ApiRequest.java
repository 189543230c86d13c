package com.userimages.core.http;

import com.userimages.core.json.StrictJson;
import com.userimages.core.json.JsonObject;
import com.userimages.core.json.JsonValue;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.userimages.contract.JsonMediaType;
import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import com.userimages.core.error.EchoedInput;
import com.userimages.core.model.Ids;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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

    /** A path parameter that is an id ({@link Ids#parse}: 400 {@code INVALID_ID} unless it is one), in its canonical form. */
    public String pathId(String name) {
        return Ids.parse(pathParameter(name), name);
    }

    /** A path parameter the route guarantees; absent means the event does not match the route. */
    public String pathParameter(String name) {
        Map<String, String> params = event.getPathParameters();
        String value = params == null ? null : params.get(name);
        if (value == null || value.isEmpty()) {
            throw new ApiException.BadRequest(ErrorCode.INVALID_PATH, "The path parameter " + name + " is missing.");
        }
        return value;
    }

    public Map<String, String> queryParameters() {
        Map<String, String> params = event.getQueryStringParameters();
        return params == null ? Map.of() : params;
    }

    /**
     * The parameters the raw query string holds more than once. Payload 2.0 has no multi-value map:
     * it joins a repeated parameter's values with commas into one entry, so only the raw string shows
     * the repetition. Only names that are also keys of {@link #queryParameters} count, so a decoding
     * difference can never invent one. Empty when the event has no raw query string.
     */
    public Set<String> repeatedQueryParameters() {
        String raw = event.getRawQueryString();
        if (raw == null || raw.isEmpty()) return Set.of();
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = formDecoded(eq < 0 ? pair : pair.substring(0, eq));
            if (!seen.add(name)) repeated.add(name);
        }
        repeated.retainAll(queryParameters().keySet());
        return repeated;
    }

    private static String formDecoded(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return s;
        }
    }

    /**
     * A request header by name, whatever its letter case (the HTTP API sends them lower-case); two
     * spellings of one name are joined with a comma, as repeated header lines are. Empty when absent.
     */
    public Optional<String> header(String name) {
        Map<String, String> headers = event.getHeaders();
        if (headers == null) return Optional.empty();
        String found = null;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey() != null && h.getValue() != null && h.getKey().toLowerCase(Locale.ROOT).equals(name)) {
                found = found == null ? h.getValue() : found + "," + h.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The body as a JSON object: valid UTF-8, one JSON value and nothing after it, no duplicate keys.
     * A body whose own {@code Content-Type} is not JSON is a 415 before anything of it is read
     * (curl's {@code -d} sends form encoding, and a body sent as text is no promise of JSON); a
     * request without a body is never, whatever its headers say.
     */
    public JsonObject jsonObjectBody() {
        String body = event.getBody();
        if (body != null && !body.isEmpty() && !JsonMediaType.accepts(header("content-type").orElse(null))) {
            throw new ApiException.UnsupportedMediaType(JsonMediaType.SEND_JSON);
        }
        String text = bodyText();
        Optional<JsonValue> value;
        try {
            value = StrictJson.parse(text);
        } catch (IOException e) {
            throw new ApiException.BadRequest(ErrorCode.INVALID_JSON, StrictJson.firstDuplicateKey(text)
                    .map(key -> "The body holds the key " + EchoedInput.quoted(key) + " twice in one object; send each key once.")
                    .orElse("The body is not valid JSON."));
        }
        if (value.isEmpty()) {
            throw new ApiException.BadRequest(ErrorCode.INVALID_JSON, "The body is empty.");
        }
        if (!(value.get() instanceof JsonObject object)) {
            throw new ApiException.BadRequest(ErrorCode.INVALID_JSON, "The body must be a JSON object.");
        }
        return object;
    }

    private String bodyText() {
        String body = event.getBody();
        if (body == null || body.isEmpty()) {
            throw new ApiException.BadRequest(ErrorCode.INVALID_JSON, "The body is empty.");
        }
        byte[] bytes;
        if (event.getIsBase64Encoded()) {
            // Cheap pre-check so a huge body is refused before it is decoded.
            if ((long) body.length() * 3 / 4 > MAX_BODY_BYTES + 3) throw tooLarge();
            try {
                bytes = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new ApiException.BadRequest(ErrorCode.INVALID_BODY, "The body's base64 encoding is malformed.");
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
            throw new ApiException.BadRequest(ErrorCode.INVALID_JSON, "The body is not valid UTF-8.");
        }
    }

    private static ApiException tooLarge() {
        return new ApiException.PayloadTooLarge(ErrorCode.BODY_TOO_LARGE, "The body is larger than 256 KB.");
    }

    public String requestId(String fallback) {
        var context = event.getRequestContext();
        String id = context == null ? null : context.getRequestId();
        return id == null || id.isEmpty() ? fallback : id;
    }
}
