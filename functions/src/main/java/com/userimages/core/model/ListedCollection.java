package com.userimages.core.model;

/** One listing entry, as the LSI projects it; {@code coverUrl} is null while the collection has no image. */
public record ListedCollection(String collectionId, String timestamp, int imageCount, String coverUrl) {
    public IndexKey indexKey() {
        return new IndexKey(collectionId, timestamp);
    }
}
