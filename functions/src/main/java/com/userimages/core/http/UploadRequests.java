package com.userimages.core.http;

import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import com.userimages.core.json.JsonObject;
import com.userimages.core.json.JsonValue;
import com.userimages.core.model.Ids;
import com.userimages.core.model.UploadSlotRequest;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the body of {@code POST /collections/{id}/uploads}: {@code contentType} (a string),
 * {@code bytes} (a whole JSON number), optionally {@code imageId}; no other field. Whether the
 * declared type and size are allowed is decided with the bounds (422), not here (400 is for a body
 * of the wrong shape).
 */
public final class UploadRequests {
    private static final Set<String> SLOT_FIELDS = Set.of("contentType", "bytes", "imageId");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)");
    /** More digits than this cannot be a size any bound allows; read as the largest size, not parsed. */
    private static final int MAX_DIGITS = 18;

    public UploadSlotRequest parseSlot(JsonObject body) {
        for (String name : body.names()) {
            if (!SLOT_FIELDS.contains(name)) {
                throw bad(ErrorCode.UNKNOWN_FIELD, InputMessages.unknownName("body has an unknown field", name, SLOT_FIELDS));
            }
        }
        JsonValue type = body.get("contentType").orElse(JsonValue.NULL);
        if (type instanceof JsonValue.Null) throw bad(ErrorCode.INVALID_BODY, "contentType is required.");
        if (!(type instanceof JsonValue.Text contentType)) throw bad(ErrorCode.INVALID_BODY, "contentType must be a string.");
        JsonValue size = body.get("bytes").orElse(JsonValue.NULL);
        if (size instanceof JsonValue.Null) throw bad(ErrorCode.INVALID_BODY, "bytes is required.");
        if (!(size instanceof JsonValue.Literal literal) || !WHOLE_NUMBER.matcher(literal.text()).matches()) {
            throw bad(ErrorCode.INVALID_BODY, "bytes must be a whole number.");
        }
        JsonValue id = body.get("imageId").orElse(JsonValue.NULL);
        String imageId = null;
        if (!(id instanceof JsonValue.Null)) {
            if (!(id instanceof JsonValue.Text text)) throw bad(ErrorCode.INVALID_BODY, "imageId must be a string.");
            imageId = Ids.parse(text.value(), "imageId");
        }
        return new UploadSlotRequest(contentType.value(), bytes(literal.text()), imageId);
    }

    private static long bytes(String digits) {
        boolean negative = digits.startsWith("-");
        int length = digits.length() - (negative ? 1 : 0);
        if (length > MAX_DIGITS) return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        return Long.parseLong(digits);
    }

    private static ApiException bad(ErrorCode code, String message) {
        return new ApiException.BadRequest(code, message);
    }
}
