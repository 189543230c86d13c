package com.userimages.core.model;

import java.util.Objects;

/**
 * What a listing selects, apart from page size and position: the direction, the inclusive
 * timestamp range on the LSI (either end may be open: null) and the image-count filter. Timestamps
 * are in the stored form, so string comparison is time comparison. A page token is bound to exactly
 * these values (not to the page size).
 */
public record ListSelection(SortOrder order, String from, String to, int minImages) {
    public ListSelection {
        Objects.requireNonNull(order, "order");
        if (minImages < 0) throw new IllegalArgumentException("minImages must not be negative");
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw new IllegalArgumentException("from after to");
        }
    }

    /** Whether a stored timestamp lies inside the key range (both ends inclusive). */
    public boolean inRange(String timestamp) {
        return (from == null || from.compareTo(timestamp) <= 0) && (to == null || to.compareTo(timestamp) >= 0);
    }
}
