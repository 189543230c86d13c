package com.userimages.core.http;

import com.userimages.core.error.ApiException;
import com.userimages.core.model.ListQuery;
import com.userimages.core.model.SortOrder;
import com.userimages.core.model.Timestamps;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import com.userimages.core.pagination.ListRequest;

/**
 * Validates list-page's query parameters (API.md, "GET /collections"). Strict like the bodies: an
 * unknown parameter is a 400 rather than ignored, so a misspelt {@code minimages} cannot silently
 * list everything; an empty value is as malformed as any other. API Gateway joins a repeated
 * parameter with commas, which then fails its own validation.
 */
public final class ListRequests {
    static final Set<String> PARAMETERS = Set.of("limit", "nextToken", "order", "from", "to", "minImages");
    public static final int MAX_MIN_IMAGES = 1000;
    private static final Pattern SMALL_NUMBER = Pattern.compile("[0-9]{1,4}");

    private ListRequests() {}

    public static ListRequest parse(Map<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new ApiException.BadRequest("UNKNOWN_PARAMETER", "Unknown query parameter: " + printable(name) + ".");
            }
        }
        int limit = number(parameters.get("limit"), ListRequest.DEFAULT_LIMIT, ListRequest.MIN_LIMIT, ListRequest.MAX_LIMIT,
                "INVALID_LIMIT", "limit must be a whole number from 1 to 100.");
        int minImages = number(parameters.get("minImages"), 0, 0, MAX_MIN_IMAGES,
                "INVALID_MIN_IMAGES", "minImages must be a whole number from 0 to " + MAX_MIN_IMAGES + ".");
        SortOrder order = SortOrder.DESC;
        String rawOrder = parameters.get("order");
        if (rawOrder != null) {
            order = SortOrder.byWireName(rawOrder)
                    .orElseThrow(() -> new ApiException.BadRequest("INVALID_ORDER", "order must be asc or desc."));
        }
        // Normalized exactly as stored timestamps are, so the range compares as time on the LSI.
        String from = parameters.get("from") == null ? null : Timestamps.normalize(parameters.get("from"), "from");
        String to = parameters.get("to") == null ? null : Timestamps.normalize(parameters.get("to"), "to");
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw new ApiException.BadRequest("INVALID_RANGE", "from must not be after to.");
        }
        return new ListRequest(limit, new ListQuery(order, from, to, minImages), parameters.get("nextToken"));
    }

    private static int number(String raw, int absent, int min, int max, String code, String message) {
        if (raw == null) return absent;
        if (!SMALL_NUMBER.matcher(raw).matches()) throw new ApiException.BadRequest(code, message);
        int value = Integer.parseInt(raw);
        if (value < min || value > max) throw new ApiException.BadRequest(code, message);
        return value;
    }

    /** Echoes a client's parameter name without letting it smuggle control characters or bulk into the message. */
    private static String printable(String name) {
        String cut = name.length() > 40 ? name.substring(0, 40) + "…" : name;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
