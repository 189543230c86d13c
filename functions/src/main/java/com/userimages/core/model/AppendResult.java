package com.userimages.core.model;

/** The outcome of an append: how many images were added now, the collection's count and version after it. */
public record AppendResult(String collectionId, int appended, int imageCount, long version) {}
