package com.userimages.core.storage;

/** What S3 says of an object: its size, its type as stored, and the ETag that names these bytes. */
public record StoredObject(long bytes, String contentType, String eTag) {}
