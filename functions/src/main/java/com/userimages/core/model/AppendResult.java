package com.userimages.core.model;

/** The outcome of an append: how many images were added now, the collection's count and tag after it. */
public record AppendResult(String collectionId, int appended, int imageCount, CollectionTag tag) {}
