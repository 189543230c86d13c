package com.userimages.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes a JWT {@code sub} usable as a caller's identity (API.md, "Authentication and
 * authorization"): the partition key is exactly this string, so it must be one the database stores
 * as sent. An unpaired surrogate would be written as {@code ?} by the SDK's UTF-8 encoder, and so
 * {@code "mallory\ud800"} would address the data of {@code "mallory?"}; control characters have no
 * business in an identity and would reach logs and headers. The functions and the local authorizer
 * both ask this one method.
 */
public final class Subjects {
    /** In Unicode code points, not UTF-16 units. */
    public static final int MAX_CODE_POINTS = 256;

    /**
     * The caller of the requests a function primes itself with before its SnapStart snapshot: not a
     * subject an identity provider issues (they are UUIDs or opaque ids, never this form). The
     * priming code sends it and the request line leaves it out, so both read it from here.
     */
    public static final String PRIMING_SUBJECT = "user-images:priming";

    private Subjects() {}

    /**
     * The first {@code bytes} bytes of SHA-256 of the {@code sub}, in hex: a pseudonym for places a
     * raw {@code sub} must never reach (log lines, object keys, URLs). Logs use 8 bytes, keys 16.
     */
    public static String digest(String sub, int bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sub.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /**
     * True for 1 to {@value #MAX_CODE_POINTS} code points of well-formed UTF-16 (no unpaired
     * surrogate) with no control character (U+0000–U+001F, U+007F–U+009F); false otherwise,
     * null included.
     */
    public static boolean isUsable(String sub) {
        if (sub == null || sub.isEmpty()) return false;
        // A code point takes at most two UTF-16 units: longer strings are out before any scan.
        if (sub.length() > 2 * MAX_CODE_POINTS) return false;
        int codePoints = 0;
        for (int i = 0; i < sub.length(); ) {
            char c = sub.charAt(i);
            int codePoint;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= sub.length() || !Character.isLowSurrogate(sub.charAt(i + 1))) return false;
                codePoint = Character.toCodePoint(c, sub.charAt(i + 1));
                i += 2;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            } else {
                codePoint = c;
                i++;
            }
            if (codePoint <= 0x1F || (codePoint >= 0x7F && codePoint <= 0x9F)) return false;
            if (++codePoints > MAX_CODE_POINTS) return false;
        }
        return true;
    }
}
