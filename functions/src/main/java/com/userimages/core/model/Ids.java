package com.userimages.core.model;

import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** UUID ids: accepted in any letter case, stored lower-case. */
public final class Ids {
    // UUID.fromString is lenient ("1-1-1-1-1" parses), so the canonical 8-4-4-4-12 form is checked first.
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {}

    public static String parse(String raw, String field) {
        if (raw == null || !UUID_FORM.matcher(raw).matches()) {
            throw new ApiException.BadRequest(ErrorCode.INVALID_ID, field + " must be a UUID.");
        }
        return raw.toLowerCase(Locale.ROOT);
    }

    public static String generate() {
        return UUID.randomUUID().toString();
    }
}
