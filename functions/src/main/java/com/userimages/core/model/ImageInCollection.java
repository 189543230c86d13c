package com.userimages.core.model;

/** One image found by id, with its 0-based position in the collection and the collection's version. */
public record ImageInCollection(String collectionId, String imageId, String url, int position, long collectionVersion) {
    /** An image of a collection at its first version. */
    public ImageInCollection(String collectionId, String imageId, String url, int position) {
        this(collectionId, imageId, url, position, Collection.FIRST_VERSION);
    }
}
