package com.userimages.core.model;

import java.util.Optional;

/** A listing's direction on the LSI's timestamp: {@code desc} (newest first, the default) or {@code asc}. */
public enum SortOrder {
    ASC("asc"),
    DESC("desc");

    private final String wireName;

    SortOrder(String wireName) {
        this.wireName = wireName;
    }

    /** The query-parameter spelling. */
    public String wireName() { return wireName; }

    public boolean forward() { return this == ASC; }

    /** The order for a query-parameter value, if it is one. */
    public static Optional<SortOrder> byWireName(String value) {
        for (SortOrder order : values()) {
            if (order.wireName.equals(value)) return Optional.of(order);
        }
        return Optional.empty();
    }
}
