package com.userimages.core.http;

import com.userimages.core.error.ApiException;
import com.userimages.core.error.EchoedInput;
import com.userimages.core.model.Timestamps;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parts of 400 messages that depend on how the input travelled: what was received (always
 * through {@link EchoedInput}), the known name a case slip meant, the query string's {@code +}.
 * Shapes are fixed; only the echoed pieces vary.
 */
final class InputMessages {
    /** Longer than any timestamp: not worth a hint (and no regex runs over a huge value). */
    private static final int MAX_HINTED_LENGTH = 64;
    /** A time of day, a space, then an offset's digits: form decoding turned an unencoded + into a space. */
    private static final Pattern SPACE_FOR_OFFSET_SIGN = Pattern.compile("\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)? \\d{2}(:?\\d{2})?$");

    private InputMessages() {}

    /** {@code prefix: "name".}, or {@code prefix: "name"; did you mean "known"?} when only letter case differs. */
    static String unknownName(String prefix, String name, Set<String> known) {
        Optional<String> meant = known.stream().filter(k -> k.equalsIgnoreCase(name)).sorted().findFirst();
        return prefix + ": " + EchoedInput.quoted(name) + meant.map(k -> "; did you mean \"" + k + "\"?").orElse(".");
    }

    /**
     * The timestamp as {@link Timestamps} normalizes it; when it refuses, its message plus what was
     * received, and for a query string the {@code %2B} hint when a space stands where an offset's sign would.
     */
    static String timestamp(String raw, String field, boolean inQueryString) {
        try {
            return Timestamps.normalize(raw, field);
        } catch (ApiException.BadRequest e) {
            String hint = inQueryString && raw != null && raw.length() <= MAX_HINTED_LENGTH
                    && SPACE_FOR_OFFSET_SIGN.matcher(raw).find()
                    ? " In a query string an unencoded + arrives as a space: send it as %2B."
                    : "";
            throw new ApiException.BadRequest(e.errorCode(), e.getMessage() + " Received " + EchoedInput.quoted(raw) + "." + hint);
        }
    }
}
