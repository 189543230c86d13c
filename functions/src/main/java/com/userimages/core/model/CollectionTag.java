package com.userimages.core.model;

import java.util.Objects;

/**
 * What a collection's {@code ETag} names: its version and its incarnation, the random word chosen
 * when it was created. The pair tells a collection's states apart over its id's whole history: a
 * collection deleted and created again starts at version 1 again, but (practically always) under
 * another incarnation.
 */
public record CollectionTag(long version, String incarnation) {
    public CollectionTag {
        if (version < Collection.FIRST_VERSION) throw new IllegalArgumentException("versions start at 1");
        Objects.requireNonNull(incarnation, "incarnation");
    }

    /** The state after one more change. */
    public CollectionTag next() {
        return new CollectionTag(version + 1, incarnation);
    }
}
