package com.userimages.core.model;

import java.util.Set;

/**
 * Which states of a collection a conditional request names: any ({@code *}) or exactly the listed
 * tags. A listed set may be empty: tags that can never match (weak ones under strong comparison,
 * tags this API never issues) leave nothing to name.
 */
public sealed interface VersionMatch {
    VersionMatch ANY = new Any();

    boolean matches(CollectionTag tag);

    static VersionMatch oneOf(Set<CollectionTag> tags) {
        return new OneOf(tags);
    }

    /** Whatever state is current (of an existing collection). */
    record Any() implements VersionMatch {
        @Override
        public boolean matches(CollectionTag tag) { return true; }
    }

    /** Only these states. */
    record OneOf(Set<CollectionTag> tags) implements VersionMatch {
        public OneOf {
            tags = Set.copyOf(tags);
        }

        @Override
        public boolean matches(CollectionTag tag) { return tags.contains(tag); }
    }
}
