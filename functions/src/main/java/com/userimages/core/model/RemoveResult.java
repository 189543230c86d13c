package com.userimages.core.model;

/** The outcome of an image delete: how many images went (1), the collection's count and tag after it. */
public record RemoveResult(String collectionId, int removed, int imageCount, CollectionTag tag) {}
