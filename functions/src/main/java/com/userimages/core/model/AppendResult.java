package com.userimages.core.model;

/** The outcome of an append: how many images were added now, and the collection's count after it. */
public record AppendResult(String collectionId, int appended, int imageCount) {}
