package com.userimages.local.gateway;

import com.userimages.contract.ApiRoute;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a request to a route of {@link ApiRoute} — the one route table the functions, the CDK
 * stack and SAM also use — as the HTTP API does: method and path exactly, {@code {name}} capturing one
 * non-empty path segment, the route with more literal segments winning.
 */
public final class RouteMatcher {
    public record Match(ApiRoute route, Map<String, String> pathParameters) {}

    private record Template(ApiRoute route, String[] segments, long literals) {}

    private final List<Template> templates;

    public RouteMatcher(List<ApiRoute> routes) {
        this.templates = routes.stream()
                .map(r -> {
                    String[] segments = r.pathTemplate().split("/", -1);
                    long literals = Arrays.stream(segments).filter(s -> !isParameter(s)).count();
                    return new Template(r, segments, literals);
                })
                .sorted(Comparator.comparingLong(Template::literals).reversed())
                .toList();
    }

    public static RouteMatcher forApi() {
        return new RouteMatcher(List.of(ApiRoute.values()));
    }

    /** @param rawPath the path as sent, percent-encoding included; null when no route matches */
    public Match match(String method, String rawPath) {
        String[] segments = rawPath.split("/", -1);
        for (Template t : templates) {
            if (!t.route().method().equals(method) || t.segments().length != segments.length) continue;
            Map<String, String> parameters = new LinkedHashMap<>();
            boolean matches = true;
            for (int i = 0; i < segments.length && matches; i++) {
                String expected = t.segments()[i];
                if (isParameter(expected)) {
                    String value = decode(segments[i]);
                    matches = value != null && !value.isEmpty();
                    if (matches) parameters.put(expected.substring(1, expected.length() - 1), value);
                } else {
                    matches = expected.equals(segments[i]);
                }
            }
            if (matches) return new Match(t.route(), Map.copyOf(parameters));
        }
        return null;
    }

    private static boolean isParameter(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}");
    }

    /** Percent-decoding of one path segment ('+' stays '+', unlike form decoding); null when malformed. */
    static String decode(String segment) {
        if (segment.indexOf('%') < 0) return segment;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); ) {
            int c = segment.codePointAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) return null;
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                bytes.write(hi * 16 + lo);
                i += 3;
            } else {
                bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
