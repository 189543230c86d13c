package com.userimages.contract;

import java.util.Locale;

/**
 * Which request {@code Content-Type} values read as JSON (API.md, "Errors", 415): {@code
 * application/json} or {@code application/<name>+json}, in any letter case, with any parameters,
 * except that a {@code charset} must be UTF-8. A request without the header reads as JSON. A value
 * that is present is read by RFC 9110's grammar (§8.3.1 {@code media-type}, §5.6.6 parameters), so
 * anything else reads as not JSON: an empty value, two values (two header lines arrive joined by a
 * comma, and a comma is no part of one media type outside a quoted string), control characters or
 * bytes outside ASCII.
 */
public final class JsonMediaType {
    /** What a refusal tells the client to do. */
    public static final String SEND_JSON =
            "The body must be JSON, sent with Content-Type: application/json (a charset, if given, must be utf-8).";

    private JsonMediaType() {}

    /** Whether a body with this {@code Content-Type} value (null: no header) is read as JSON. */
    public static boolean accepts(String contentType) {
        if (contentType == null) return true;
        Parser p = new Parser(contentType);
        p.skipSpace();
        String type = p.token();
        if (type == null || !p.consume('/')) return false;
        String subtype = p.token();
        if (subtype == null) return false;
        if (!type.toLowerCase(Locale.ROOT).equals("application") || !isJson(subtype.toLowerCase(Locale.ROOT))) return false;
        while (true) {
            p.skipSpace();
            if (p.atEnd()) return true;
            if (!p.consume(';')) return false;
            p.skipSpace();
            // An empty parameter ("application/json;") is allowed by the grammar.
            if (p.atEnd() || p.peek() == ';') continue;
            String name = p.token();
            if (name == null || !p.consume('=')) return false;
            String value = p.peek() == '"' ? p.quotedString() : p.token();
            if (value == null) return false;
            if (name.equalsIgnoreCase("charset") && !value.equalsIgnoreCase("utf-8")) return false;
        }
    }

    private static boolean isJson(String subtype) {
        return subtype.equals("json") || (subtype.endsWith("+json") && subtype.length() > "+json".length());
    }

    /** A cursor over one header value; every method answers null (or false) at the first character it cannot take. */
    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return i >= s.length();
        }

        char peek() {
            return atEnd() ? '\0' : s.charAt(i);
        }

        boolean consume(char c) {
            if (peek() != c || atEnd()) return false;
            i++;
            return true;
        }

        void skipSpace() {
            while (!atEnd() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        }

        /** RFC 9110 §5.6.2 {@code token}: one or more tchar. */
        String token() {
            int start = i;
            while (!atEnd() && isTchar(s.charAt(i))) i++;
            return i == start ? null : s.substring(start, i);
        }

        /** RFC 9110 §5.6.4 {@code quoted-string}, unescaped; obs-text (bytes over 0x7F) is not taken. */
        String quotedString() {
            if (!consume('"')) return null;
            StringBuilder value = new StringBuilder();
            while (!atEnd()) {
                char c = s.charAt(i++);
                if (c == '"') return value.toString();
                if (c == '\\') {
                    if (atEnd()) return null;
                    c = s.charAt(i++);
                    if (c != '\t' && (c < 0x20 || c > 0x7E)) return null;
                } else if (c != '\t' && (c < 0x20 || c > 0x7E)) {
                    return null;
                }
                value.append(c);
            }
            return null;
        }

        private static boolean isTchar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
        }
    }
}
