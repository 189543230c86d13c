package com.userimages.core.data;

import com.userimages.core.model.CollectionTag;

/** The outcome of one conditional append, {@link CollectionRepository#appendImages}. */
public sealed interface AppendOutcome {
    record Appended(int imageCount, CollectionTag tag) implements AppendOutcome {}

    /** The condition failed; {@code state} is the item as a read after the refusal found it, or null (nullable) when there is none. */
    record Refused(StoredCollection state) implements AppendOutcome {}
}
