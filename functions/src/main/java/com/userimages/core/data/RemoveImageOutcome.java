package com.userimages.core.data;

import com.userimages.core.model.Collection;
import com.userimages.core.model.CollectionTag;
import java.util.Optional;

/** The outcome of one conditional image removal, {@link CollectionRepository#removeImage}. */
public sealed interface RemoveImageOutcome {
    record Removed(int imageCount, CollectionTag tag) implements RemoveImageOutcome {}

    /** The element moved or went, the cover guard failed, or the preconditions refused; {@code current} is the collection now, or empty if it is gone. */
    record Refused(Optional<Collection> current) implements RemoveImageOutcome {}
}
