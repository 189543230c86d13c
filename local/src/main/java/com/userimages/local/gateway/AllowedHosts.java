package com.userimages.local.gateway;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code Host} names the gateway answers: the loopback names and those given with
 * {@code --allowed-hosts}. A web page on a name its author controls can make that name resolve to
 * 127.0.0.1 (DNS rebinding) and call this server as a same-origin page — mint tokens at
 * {@code POST /local/token}, act as any user — but its requests carry its own name as Host, so any
 * other name is refused, and so is a request with none.
 *
 * <p>A Host matches when its name is one of these exactly (ASCII letters in any case, no trailing
 * dot, no user info), with or without a port of 1 to 5 digits; nothing else is decoded or resolved.
 */
public record AllowedHosts(Set<String> names) {
    /** What a browser on this machine sends for http://127.0.0.1, http://localhost and http://[::1]. */
    public static final List<String> LOOPBACK = List.of("127.0.0.1", "localhost", "[::1]");
    /** A DNS name or IPv4 address (labels of letters, digits and inner hyphens), or a bracketed IPv6 address. */
    private static final Pattern NAME = Pattern.compile(
            "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\\[[0-9a-f:.]+]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final int MAX_NAME = 253;

    public AllowedHosts {
        names = Set.copyOf(names);
    }

    public static final AllowedHosts LOOPBACK_ONLY = new AllowedHosts(Set.copyOf(LOOPBACK));

    /**
     * The loopback names and the comma-separated names of {@code --allowed-hosts}, each a host name
     * without port; blank entries are skipped.
     *
     * @throws IllegalArgumentException with a one-line reason naming the (escaped) entry
     */
    public static AllowedHosts loopbackAnd(String commaSeparated) {
        Set<String> names = new LinkedHashSet<>(LOOPBACK);
        List<String> given = new ArrayList<>();
        for (String entry : commaSeparated.split(",", -1)) {
            String name = entry.strip();
            if (name.isEmpty()) continue;
            String shown = "'" + ConsoleText.escape(name, 100) + "'";
            String lower = asciiLowerCase(name);
            if (lower == null || lower.length() > MAX_NAME || !NAME.matcher(lower).matches()) {
                String hint = name.endsWith(".") ? ": no trailing dot" : name.contains(":") && !name.startsWith("[") ? ": no port" : "";
                throw new IllegalArgumentException(shown + " is not a host name (a DNS name or an IP address, without port)" + hint);
            }
            given.add(lower);
        }
        if (given.isEmpty()) throw new IllegalArgumentException("no host name given (comma-separated names, without port)");
        names.addAll(given);
        return new AllowedHosts(names);
    }

    /** @param host the request's Host field value as the parser gave it; null when it has none */
    public boolean allows(String host) {
        if (host == null) return false;
        String lower = asciiLowerCase(host);
        if (lower == null) return false;
        int portColon = lower.startsWith("[") ? lower.indexOf(']') + 1 : lower.indexOf(':');
        if (portColon == 0) return false;
        String name = portColon < 0 ? lower : lower.substring(0, portColon);
        String rest = portColon < 0 ? "" : lower.substring(portColon);
        if (!rest.isEmpty() && !(rest.charAt(0) == ':' && PORT.matcher(rest.substring(1)).matches()
                && Integer.parseInt(rest.substring(1)) <= 65535)) {
            return false;
        }
        return names.contains(name);
    }

    /** ASCII letters lowered, any other ASCII kept; null when the text has a non-ASCII character (never a match). */
    private static String asciiLowerCase(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7e || c < 0x21) return null;
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.toString();
    }
}
