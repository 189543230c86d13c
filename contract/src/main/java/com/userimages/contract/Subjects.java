package com.userimages.contract;

/**
 * API.md ("Authentication"): what a usable JWT {@code sub} is, in one place for the functions and
 * the local authorizer. The partition key is exactly this string, so it must survive the SDK's
 * UTF-8 encoding unchanged: an unpaired surrogate would become {@code ?} and address another
 * user's partition ({@code "mallory\ud800"} and {@code "mallory?"} would share data).
 */
public final class Subjects {
    /** At most this many Unicode code points. */
    public static final int MAX_CODE_POINTS = 256;

    private Subjects() {}

    /**
     * 1 to 256 code points of well-formed UTF-16 (no unpaired surrogate) and no control character
     * (U+0000–U+001F, U+007F–U+009F).
     */
    public static boolean isUsable(String sub) {
        if (sub == null || sub.isEmpty()) return false;
        // Each code point takes one or two chars, so more than twice the limit can be refused unread.
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
