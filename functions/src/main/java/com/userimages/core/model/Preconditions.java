package com.userimages.core.model;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A request's {@code If-Match} and {@code If-None-Match} (RFC 9110 §13.1.1–2), each absent or the
 * states it names ({@link VersionMatch#ANY} for {@code *}). Evaluated against one collection's
 * current tag in §13.2.2's order: {@code If-Match} first, then {@code If-None-Match} (whose tags were
 * read by weak comparison).
 */
public record Preconditions(Optional<VersionMatch> ifMatch, Optional<VersionMatch> ifNoneMatch) {
    public static final Preconditions NONE = new Preconditions(Optional.empty(), Optional.empty());

    /**
     * A write guard holds one term per incarnation its tags name; past this many the service reads
     * first and pins the write to the state it evaluated instead (DynamoDB caps an expression at
     * 300 operators, and an append's own condition takes up to 200 of them).
     */
    static final int MAX_GUARDED_INCARNATIONS = 4;

    public static Preconditions ifMatch(VersionMatch match) {
        return new Preconditions(Optional.of(match), Optional.empty());
    }

    /** The guard of a write that must apply to exactly this state (the one a read saw and evaluated). */
    public static Preconditions pinnedTo(CollectionTag tag) {
        return ifMatch(VersionMatch.oneOf(Set.of(tag)));
    }

    public boolean isEmpty() {
        return ifMatch.isEmpty() && ifNoneMatch.isEmpty();
    }

    /** {@code If-Match} is absent or names {@code current}. */
    public boolean ifMatchHolds(CollectionTag current) {
        return ifMatch.map(m -> m.matches(current)).orElse(true);
    }

    /** {@code If-None-Match} is absent or names no state that is {@code current}. */
    public boolean ifNoneMatchHolds(CollectionTag current) {
        return ifNoneMatch.map(m -> !m.matches(current)).orElse(true);
    }

    /** Both hold for an existing collection in state {@code current}. */
    public boolean holdFor(CollectionTag current) {
        return ifMatchHolds(current) && ifNoneMatchHolds(current);
    }

    /** Whether a write's condition can carry these as they are (see {@link #MAX_GUARDED_INCARNATIONS}). */
    public boolean fitsACondition() {
        Set<String> incarnations = new HashSet<>();
        for (Optional<VersionMatch> match : java.util.List.of(ifMatch, ifNoneMatch)) {
            if (match.orElse(VersionMatch.ANY) instanceof VersionMatch.OneOf oneOf) {
                for (CollectionTag tag : oneOf.tags()) incarnations.add(tag.incarnation());
            }
        }
        return incarnations.size() <= MAX_GUARDED_INCARNATIONS;
    }
}
