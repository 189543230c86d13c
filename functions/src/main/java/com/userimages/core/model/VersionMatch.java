package com.userimages.core.model;

import java.util.Set;

/**
 * Which versions of a collection a conditional request accepts: any (no {@code If-Match}, or
 * {@code *}) or exactly those listed. A listed set may be empty: tags that can never match (weak
 * ones under strong comparison, tags this API never issues) leave nothing to accept.
 */
public sealed interface VersionMatch {
    VersionMatch ANY = new Any();

    boolean matches(long version);

    static VersionMatch oneOf(Set<Long> versions) {
        return new OneOf(versions);
    }

    /** Whatever version is current. */
    record Any() implements VersionMatch {
        @Override
        public boolean matches(long version) { return true; }
    }

    /** Only these versions. */
    record OneOf(Set<Long> versions) implements VersionMatch {
        public OneOf {
            versions = Set.copyOf(versions);
        }

        @Override
        public boolean matches(long version) { return versions.contains(version); }
    }
}
