package com.userimages.core.data;

import com.userimages.core.model.Collection;
import com.userimages.core.model.CollectionTag;
import java.util.Optional;

/** The outcome of one conditional collection delete, {@link CollectionRepository#deleteCollection}. */
public sealed interface DeleteOutcome {
    /** Deleted: the collection as it was (DynamoDB's {@code ALL_OLD}), whose objects go next. */
    record Deleted(Collection deleted) implements DeleteOutcome {}

    /** Nothing deleted: the tag the collection has (when {@code ifMatch} refused it), or empty if there is none. */
    record Refused(Optional<CollectionTag> current) implements DeleteOutcome {}
}
