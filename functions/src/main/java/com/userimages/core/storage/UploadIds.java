package com.userimages.core.storage;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Chooses upload ids: 26 random base32 characters (130 bits), so no object key is ever used twice
 * and a delete or a compensation can only reach its own request's objects. Crockford's alphabet,
 * lower-case, as for incarnations. One instance per wiring.
 */
public final class UploadIds {
    public static final int LENGTH = 26;

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final Pattern FORM = Pattern.compile("[0-9a-hjkmnp-tv-z]{" + LENGTH + "}");

    private final SecureRandom random;

    /** {@code random} as for incarnations: the platform default, fresh after a SnapStart restore. */
    public UploadIds(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        char[] out = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) out[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        return new String(out);
    }

    /** Whether {@code s} is an upload id this API issues; the only form that may reach an object key. */
    public static boolean isWellFormed(String s) {
        return s != null && FORM.matcher(s).matches();
    }
}
