package com.userimages.core.http;

import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import com.userimages.core.model.ListSelection;
import com.userimages.core.model.SortOrder;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import com.userimages.core.pagination.PageRequest;

/**
 * Validates list-page's query parameters (API.md, "GET /collections"). Strict like the bodies: an
 * unknown parameter is a 400 rather than ignored, so a misspelt {@code minimages} cannot silently
 * list everything; an empty value is as malformed as any other. API Gateway joins a repeated
 * parameter's values with commas, which would fail the value's validation anyway: when the raw
 * query string shows the repetition, the 400 (same code) says so instead.
 */
public final class ListQueryParser {
    static final Set<String> PARAMETERS = Set.of("limit", "nextToken", "order", "from", "to", "minImages");
    public static final int MAX_MIN_IMAGES = 1000;
    private static final Pattern SMALL_NUMBER = Pattern.compile("[0-9]{1,4}");

    private ListQueryParser() {}

    public static PageRequest parse(Map<String, String> parameters) {
        return parse(parameters, Set.of());
    }

    /** {@code repeated}: the names the raw query string holds more than once ({@link ApiRequest#repeatedQueryParameters}). */
    public static PageRequest parse(Map<String, String> parameters, Set<String> repeated) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new ApiException.BadRequest(ErrorCode.UNKNOWN_PARAMETER, InputMessages.unknownName("Unknown query parameter", name, PARAMETERS));
            }
        }
        // Checked parameter by parameter, so a request with several faults gets the same code as before.
        onlyOnce(repeated, "limit", ErrorCode.INVALID_LIMIT);
        int limit = number(parameters.get("limit"), PageRequest.DEFAULT_LIMIT, PageRequest.MIN_LIMIT, PageRequest.MAX_LIMIT,
                ErrorCode.INVALID_LIMIT, "limit must be a whole number from 1 to 100.");
        onlyOnce(repeated, "minImages", ErrorCode.INVALID_MIN_IMAGES);
        int minImages = number(parameters.get("minImages"), 0, 0, MAX_MIN_IMAGES,
                ErrorCode.INVALID_MIN_IMAGES, "minImages must be a whole number from 0 to " + MAX_MIN_IMAGES + ".");
        SortOrder order = SortOrder.DESC;
        onlyOnce(repeated, "order", ErrorCode.INVALID_ORDER);
        String rawOrder = parameters.get("order");
        if (rawOrder != null) {
            order = SortOrder.byWireName(rawOrder)
                    .orElseThrow(() -> new ApiException.BadRequest(ErrorCode.INVALID_ORDER, "order must be asc or desc."));
        }
        // Normalized exactly as stored timestamps are, so the range compares as time on the LSI.
        onlyOnce(repeated, "from", ErrorCode.INVALID_TIMESTAMP);
        String from = parameters.get("from") == null ? null : InputMessages.timestamp(parameters.get("from"), "from", true);
        onlyOnce(repeated, "to", ErrorCode.INVALID_TIMESTAMP);
        String to = parameters.get("to") == null ? null : InputMessages.timestamp(parameters.get("to"), "to", true);
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw new ApiException.BadRequest(ErrorCode.INVALID_RANGE, "from must not be after to.");
        }
        // The token itself is judged later (INVALID_TOKEN); a repeated one is refused here with that code.
        onlyOnce(repeated, "nextToken", ErrorCode.INVALID_TOKEN);
        return new PageRequest(limit, new ListSelection(order, from, to, minImages), parameters.get("nextToken"));
    }

    private static void onlyOnce(Set<String> repeated, String name, ErrorCode code) {
        if (repeated.contains(name)) {
            throw new ApiException.BadRequest(code, name + " appears more than once in the query string; send it once.");
        }
    }

    private static int number(String raw, int absent, int min, int max, ErrorCode code, String message) {
        if (raw == null) return absent;
        if (!SMALL_NUMBER.matcher(raw).matches()) throw new ApiException.BadRequest(code, message);
        int value = Integer.parseInt(raw);
        if (value < min || value > max) throw new ApiException.BadRequest(code, message);
        return value;
    }
}
