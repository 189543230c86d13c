package com.userimages.core.data;

import com.userimages.core.model.Collection;
import com.userimages.core.model.CollectionTag;
import java.util.Optional;

/** The outcome of one conditional reorder, {@link CollectionRepository#replaceImages}. */
public sealed interface ReorderOutcome {
    record Reordered(CollectionTag tag) implements ReorderOutcome {}

    /** The collection changed since it was read; {@code current} is it now, or empty if it is gone. */
    record Refused(Optional<Collection> current) implements ReorderOutcome {}
}
