package com.userimages.core.model;

/** One image of a collection: its id (lower-case UUID) and url. */
public record ImageRef(String imageId, String url) {}
