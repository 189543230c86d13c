package com.userimages.core.model;

import java.util.List;

/** A stored collection as GET returns it, with its version (API.md: its {@code ETag}). */
public record Collection(String collectionId, String timestamp, List<ImageRef> images, long version) {
    /** A collection as first stored: version 1. */
    public static final long FIRST_VERSION = 1;

    public Collection {
        images = List.copyOf(images);
    }

    /** A collection at its first version. */
    public Collection(String collectionId, String timestamp, List<ImageRef> images) {
        this(collectionId, timestamp, images, FIRST_VERSION);
    }

    public int imageCount() { return images.size(); }
}
