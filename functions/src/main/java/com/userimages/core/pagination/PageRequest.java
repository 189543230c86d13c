package com.userimages.core.pagination;

import com.userimages.core.model.ListSelection;
import java.util.Objects;

/** A validated list-page request: page size, selection, and the token to resume from (null on the first page). */
public record PageRequest(int limit, ListSelection query, String nextToken) {
    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public PageRequest {
        Objects.requireNonNull(query, "query");
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) throw new IllegalArgumentException("limit out of range");
    }
}
