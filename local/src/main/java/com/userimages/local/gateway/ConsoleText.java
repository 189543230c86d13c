package com.userimages.local.gateway;

/**
 * Text from a request on its way to a console line or a response header: everything outside
 * printable ASCII is escaped, so no value can break a line, forge one, or hide behind bidi or
 * terminal control characters, and long values are cut.
 */
public final class ConsoleText {
    private ConsoleText() {}

    /** Printable ASCII kept, backslash and everything else as {@code \\uXXXX}; at most {@code max} characters of input. */
    public static String escape(String text, int max) {
        if (text == null) return "-";
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 16);
        int end = Math.min(text.length(), max);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        if (text.length() > max) out.append("...(").append(text.length()).append(" chars)");
        return out.toString();
    }

    /** For a quoted header parameter: printable ASCII without quotes or backslashes, at most {@code max} characters. */
    public static String headerParameter(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        return out.toString();
    }
}
