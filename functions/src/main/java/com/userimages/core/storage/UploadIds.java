package com.userimages.core.storage;

import com.userimages.core.model.RandomBase32;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Chooses upload ids: 26 random base32 characters (130 bits), so no object key is ever used twice
 * and a delete or a compensation can only reach its own request's objects. Crockford's alphabet,
 * lower-case, as for incarnations. One instance per wiring.
 */
public final class UploadIds {
    public static final int LENGTH = 26;

    private static final Pattern FORM = RandomBase32.form(LENGTH);

    private final SecureRandom random;

    /** {@code random} as for incarnations: the platform default, fresh after a SnapStart restore. */
    public UploadIds(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        return RandomBase32.next(random, LENGTH);
    }

    /** Whether {@code s} is an upload id this API issues; the only form that may reach an object key. */
    public static boolean isWellFormed(String s) {
        return s != null && FORM.matcher(s).matches();
    }
}
