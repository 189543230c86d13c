package com.userimages.local.gateway;

import java.util.Locale;

/**
 * What the console shows per request. A developer watching the console wants one short line a
 * request; a tool that reads the deployed logs wants the lines Lambda writes, and never both mixed.
 */
public enum LogFormat {
    /** One escaped line per request: method, path, status, error code, time, what answered, request id. */
    HUMAN,
    /**
     * The functions' request lines exactly as Lambda writes them (EMF documents), and one line of the
     * same shape for each request the gateway refuses itself; nothing else per request.
     */
    JSON;

    /** {@code human} or {@code json}, in any letter case; null for anything else. */
    public static LogFormat parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "human" -> HUMAN;
            case "json" -> JSON;
            default -> null;
        };
    }
}
