package com.userimages.core.model;

import java.util.List;

/** A stored collection as GET returns it. */
public record Collection(String collectionId, String timestamp, List<ImageRef> images) {
    public Collection {
        images = List.copyOf(images);
    }

    public int imageCount() { return images.size(); }
}
