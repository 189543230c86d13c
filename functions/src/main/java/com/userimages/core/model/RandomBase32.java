package com.userimages.core.model;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Random identifiers in Crockford's base32, lower-case: no letters that read as digits, and safe in
 * a URL, an object key, an ETag and a log line without escaping. Incarnations and upload ids use it.
 */
public final class RandomBase32 {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final String CHARACTER = "[0-9a-hjkmnp-tv-z]";

    private RandomBase32() {}

    /** {@code length} characters, 5 random bits each. */
    public static String next(SecureRandom random, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        return new String(out);
    }

    /** The form of an id of {@code length} characters. */
    public static Pattern form(int length) {
        return Pattern.compile(CHARACTER + "{" + length + "}");
    }
}
