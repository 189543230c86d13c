package com.userimages.core.error;

/**
 * Quotes a piece of a request for an error message. The result is printable ASCII only and short:
 * whatever a client sends (control characters, U+2028, bidi overrides, lone surrogates, 100,000
 * characters) cannot break a log line, a console, or the JSON writer, nor bloat a response.
 */
public final class EchoedInput {
    /** Input characters shown before the rest is cut; a valid RFC 3339 timestamp fits whole. */
    public static final int MAX_CHARS = 40;

    private EchoedInput() {}

    /**
     * {@code "text"}, or {@code "first 40 characters"... (N characters)} when longer. {@code "} and
     * {@code \} are backslash-escaped, anything outside printable ASCII becomes {@code \}{@code uXXXX}
     * (per UTF-16 unit, so a cut or lone surrogate stays representable).
     */
    public static String quoted(String raw) {
        if (raw == null) return "nothing";
        int shown = Math.min(raw.length(), MAX_CHARS);
        StringBuilder out = new StringBuilder(shown + 16).append('"');
        for (int i = 0; i < shown; i++) {
            char c = raw.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c >= 0x20 && c <= 0x7e) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04X", (int) c));
            }
        }
        out.append('"');
        if (raw.length() > shown) out.append("... (").append(raw.length()).append(" characters)");
        return out.toString();
    }
}
