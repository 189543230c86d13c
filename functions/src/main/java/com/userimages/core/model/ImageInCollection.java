package com.userimages.core.model;

/** One image found by id, with its 0-based position in the collection and the collection's tag. */
public record ImageInCollection(String collectionId, ImageRef image, int position, CollectionTag collectionTag) {
    public String imageId() { return image.imageId(); }

    public String url() { return image.url(); }
}
