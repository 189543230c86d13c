package com.userimages.core.model;

import java.util.Objects;

/**
 * A position on the caller's slice of the {@code byTimestamp} LSI: an entry's own timestamp and
 * collection id. With the caller's userId these make the index's full key, which is what an
 * {@code ExclusiveStartKey} on an LSI needs (the table key alone is refused).
 */
public record IndexKey(String collectionId, String timestamp) {
    public IndexKey {
        Objects.requireNonNull(collectionId, "collectionId");
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
