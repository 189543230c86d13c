package com.userimages.core.model;

/** One image found by id, with its 0-based position in the collection and the collection's tag. */
public record ImageInCollection(String collectionId, String imageId, String url, int position, CollectionTag collectionTag) {}
