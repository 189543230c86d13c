package com.userimages.core.data;

import com.userimages.core.model.Collection;

/** The outcome of {@link CollectionRepository#putIfAbsent}. */
public sealed interface CreateOutcome {
    /** Written, as {@code collection}: version 1 under a newly chosen incarnation. */
    record Created(Collection collection) implements CreateOutcome {}

    /** A collection with that id exists; {@code state} is it as a read after the refusal found it. */
    record Exists(StoredCollection state) implements CreateOutcome {}
}
