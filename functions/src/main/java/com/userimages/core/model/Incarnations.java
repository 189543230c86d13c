package com.userimages.core.model;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Chooses a new collection's incarnation: 8 random base32 characters (40 bits), so a collection
 * deleted and created again under the same id practically never repeats an old {@code ETag}.
 * Crockford's alphabet, lower-case: no letters that read as digits, and {@code 0} stays free for the
 * collections stored before incarnations existed. One instance per wiring, never shared globally.
 */
public final class Incarnations {
    /** The incarnation of a collection stored before incarnations existed (it has no attribute). */
    public static final String LEGACY = "0";
    /** The characters of a chosen incarnation. */
    public static final int LENGTH = 8;

    private static final Pattern FORM = RandomBase32.form(LENGTH);

    private final SecureRandom random;

    /**
     * {@code random} should be the platform's default (NativePRNG on Linux), which mixes fresh bytes
     * from the kernel into every call, so instances restored from one SnapStart snapshot do not
     * repeat each other's choices.
     */
    public Incarnations(SecureRandom random) {
        this.random = random;
    }

    public String next() {
        return RandomBase32.next(random, LENGTH);
    }

    /** Whether {@code s} is an incarnation this API issues ({@link #LEGACY} included). */
    public static boolean isWellFormed(String s) {
        return LEGACY.equals(s) || FORM.matcher(s).matches();
    }
}
