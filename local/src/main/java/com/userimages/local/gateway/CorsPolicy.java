package com.userimages.local.gateway;

import com.userimages.contract.Cors;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CORS as the deployed HTTP API answers it when its {@code corsAllowOrigins} lists origins: the origins
 * given at start, and everything else from the one definition, {@link Cors}, that the CDK stack and
 * template.yaml read too.
 *
 * <p>Origins are written {@code scheme://host[:port]} and stored as a browser serializes them
 * (lower case, no default port), so the Origin header is matched exactly and only our own string is
 * ever echoed. {@code *} and {@code null} are refused: every page the developer visits could call the
 * server, and the development issuer's {@code POST /local/token} needs no token, so such a page could act
 * as any user.
 */
public record CorsPolicy(List<String> allowedOrigins) {
    /** scheme, host (a DNS name, IPv4 or bracketed IPv6), optional port; nothing else. */
    private static final Pattern ORIGIN = Pattern.compile(
            "(?i)(https?)://([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\\[[0-9a-f:.]+])(?::([0-9]{1,5}))?");
    private static final int MAX_ORIGIN = 253 + 20;

    public CorsPolicy {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /**
     * The comma-separated origins of {@code --cors-allow-origins} / {@code CORS_ALLOW_ORIGINS}, each
     * normalized; blank entries are skipped, duplicates kept once.
     *
     * @throws IllegalArgumentException with a one-line reason naming the (escaped) entry
     */
    public static CorsPolicy parse(String commaSeparated) {
        Set<String> origins = new LinkedHashSet<>();
        for (String entry : commaSeparated.split(",", -1)) {
            String origin = entry.strip();
            if (!origin.isEmpty()) origins.add(origin(origin));
        }
        if (origins.isEmpty()) throw new IllegalArgumentException("no origin given (scheme://host[:port], comma-separated)");
        return new CorsPolicy(new ArrayList<>(origins));
    }

    private static String origin(String text) {
        String shown = "'" + ConsoleText.escape(text, 100) + "'";
        if (text.equals("*")) {
            throw new IllegalArgumentException("'*' is not allowed locally: every web page you visit could call this server"
                    + " (and, with the development issuer, get a token from POST /local/token); list your app's origins instead");
        }
        if (text.equalsIgnoreCase("null")) {
            throw new IllegalArgumentException("'null' is not allowed: it is the Origin of every file:// and sandboxed page");
        }
        if (text.length() > MAX_ORIGIN) throw new IllegalArgumentException(shown + " is too long for an origin");
        Matcher m = ORIGIN.matcher(text);
        if (!m.matches()) {
            String hint = text.matches("(?i)https?://[^/]+/.*") ? ": no path, not even a trailing slash"
                    : text.contains("://") ? "" : ": the scheme is missing (http:// or https://)";
            throw new IllegalArgumentException(shown + " is not an origin (scheme://host[:port])" + hint);
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String host = m.group(2).toLowerCase(Locale.ROOT);
        String port = m.group(3);
        if (port != null) {
            int number = Integer.parseInt(port);
            if (number < 1 || number > 65535) throw new IllegalArgumentException(shown + " has no valid port (1 to 65535)");
            // A browser leaves the scheme's default port out of Origin, so it is left out here too.
            boolean defaultPort = (scheme.equals("http") && number == 80) || (scheme.equals("https") && number == 443);
            port = defaultPort ? null : Integer.toString(number);
        }
        return scheme + "://" + host + (port == null ? "" : ":" + port);
    }

    /** The allowed origin this Origin header names, exactly; empty for any other value (several origins included). */
    public Optional<String> allowedOrigin(String originHeader) {
        if (originHeader == null) return Optional.empty();
        return allowedOrigins.stream().filter(originHeader::equals).findFirst();
    }

    /** As API Gateway answers a preflight from an allowed origin: 204 and the configured lists. */
    GatewayReply preflight(String allowedOrigin) {
        return new GatewayReply(204, Map.of(), new byte[0])
                .withHeader("access-control-allow-origin", allowedOrigin)
                .withHeader("access-control-allow-methods", String.join(",", Cors.ALLOWED_METHODS))
                .withHeader("access-control-allow-headers", String.join(",", Cors.ALLOWED_HEADERS))
                .withHeader("access-control-max-age", Integer.toString(Cors.MAX_AGE_SECONDS));
    }

    /** An actual request's response: the integration's CORS headers ignored (as API Gateway does), ours added if allowed. */
    GatewayReply actual(GatewayReply reply, Optional<String> allowedOrigin) {
        Map<String, List<String>> headers = new LinkedHashMap<>(reply.headers());
        headers.keySet().removeIf(name -> name.startsWith("access-control-"));
        GatewayReply cleaned = new GatewayReply(reply.status(), headers, reply.body());
        if (allowedOrigin.isEmpty()) return cleaned;
        return cleaned.withHeader("access-control-allow-origin", allowedOrigin.get())
                .withHeader("access-control-expose-headers", String.join(",", Cors.EXPOSED_HEADERS));
    }
}
