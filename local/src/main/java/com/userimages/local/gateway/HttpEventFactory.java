package com.userimages.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.userimages.contract.ApiRoute;
import com.userimages.local.auth.JwtAuthorizer;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a request into the payload format 2.0 event API Gateway's HTTP API would send the function
 * (AWS docs, "Create AWS Lambda proxy integrations for HTTP APIs"): header names lower-cased and
 * duplicates comma-joined, cookies moved out of the headers, query parameters decoded and
 * comma-joined, path parameters decoded, non-text bodies base64-encoded, and the authorizer's
 * verified claims in {@code requestContext.authorizer.jwt}.
 */
public final class HttpEventFactory {
    public static final String API_ID = "local";
    public static final String STAGE = "$default";
    /** The account id in every local event and ARN (the local Lambda context's too). */
    public static final String ACCOUNT_ID = "000000000000";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpEventFactory() {}

    public static APIGatewayV2HTTPEvent create(IncomingRequest request, ApiRoute route, Map<String, String> pathParameters,
                                        JwtAuthorizer.Allowed auth, String requestId, Instant now) {
        Map<String, String> headers = headers(request);
        String host = request.header("host");
        String domainName = host == null || host.isBlank() ? "127.0.0.1" : stripPort(host);
        Body body = body(request);

        RequestContext context = RequestContext.builder()
                .withRouteKey(route.routeKey())
                .withAccountId(ACCOUNT_ID)
                .withApiId(API_ID)
                .withStage(STAGE)
                .withDomainName(domainName)
                .withDomainPrefix(domainName.contains(".") ? domainName.substring(0, domainName.indexOf('.')) : domainName)
                .withRequestId(requestId)
                .withTime(TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .withHttp(RequestContext.Http.builder()
                        .withMethod(request.method())
                        .withPath(request.rawPath())
                        .withProtocol(request.protocol())
                        .withSourceIp(request.sourceIp())
                        .withUserAgent(request.header("user-agent") == null ? "" : request.header("user-agent"))
                        .build())
                .withAuthorizer(RequestContext.Authorizer.builder()
                        .withJwt(RequestContext.Authorizer.JWT.builder()
                                .withClaims(auth.claims())
                                .withScopes(auth.scopes())
                                .build())
                        .build())
                .build();

        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(route.routeKey())
                .withRawPath(request.rawPath())
                .withRawQueryString(request.rawQuery())
                .withCookies(cookies(request))
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(request.rawQuery()))
                .withPathParameters(pathParameters.isEmpty() ? null : new LinkedHashMap<>(pathParameters))
                .withBody(body.text())
                .withIsBase64Encoded(body.base64())
                .withRequestContext(context)
                .build();
    }

    private static Map<String, String> headers(IncomingRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> {
            // Format 2.0 carries cookies in their own field, not as a header.
            if (!name.equals("cookie") && !values.isEmpty()) headers.put(name, String.join(",", values));
        });
        String forwardedFor = headers.get("x-forwarded-for");
        headers.put("x-forwarded-for", forwardedFor == null ? request.sourceIp() : forwardedFor + ", " + request.sourceIp());
        headers.put("x-forwarded-port", Integer.toString(request.serverPort()));
        headers.put("x-forwarded-proto", "http");
        return headers;
    }

    private static List<String> cookies(IncomingRequest request) {
        List<String> values = request.headers().get("cookie");
        if (values == null) return null;
        List<String> cookies = new ArrayList<>();
        for (String value : values) {
            for (String cookie : value.split(";")) {
                if (!cookie.isBlank()) cookies.add(cookie.trim());
            }
        }
        return cookies.isEmpty() ? null : cookies;
    }

    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) return null;
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = formDecode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : formDecode(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    private static String formDecode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            // The function gets to judge a malformed parameter (a 400), so pass it on as sent.
            return s;
        }
    }

    private record Body(String text, boolean base64) {}

    /**
     * Text media types travel as text; anything else — no content type, binary types, or bytes that
     * are not valid UTF-8 whatever the header claims — as base64, so the function sees the exact bytes
     * (and can answer 400 to invalid UTF-8 instead of receiving replacement characters).
     */
    private static Body body(IncomingRequest request) {
        if (request.body().length == 0) return new Body(null, false);
        String contentType = request.header("content-type");
        if (isText(contentType)) {
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(request.body()))
                        .toString();
                return new Body(text, false);
            } catch (CharacterCodingException notUtf8) {
                // falls through to base64
            }
        }
        return new Body(Base64.getEncoder().encodeToString(request.body()), true);
    }

    static boolean isText(String contentType) {
        if (contentType == null) return false;
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.startsWith("text/")
                || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/javascript")
                || type.equals("application/x-www-form-urlencoded")
                || type.equals("application/yaml") || type.equals("application/x-yaml");
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.lastIndexOf(':');
        return colon > 0 ? host.substring(0, colon) : host;
    }
}
