package com.userimages.core.model;

import java.util.List;

/** A stored collection as GET returns it, with its tag (API.md: its {@code ETag}). */
public record Collection(String collectionId, String timestamp, List<ImageRef> images, CollectionTag tag) {
    /** A collection as first stored: version 1. */
    public static final long FIRST_VERSION = 1;

    public Collection {
        images = List.copyOf(images);
    }

    public int imageCount() { return images.size(); }

    public long version() { return tag.version(); }
}
