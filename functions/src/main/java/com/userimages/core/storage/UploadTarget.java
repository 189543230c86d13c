package com.userimages.core.storage;

import java.util.regex.Pattern;

/**
 * Which upload an object key names: the caller's {@link ObjectKeys#userKey user key}, the
 * collection, the image and the upload. Validated here so that a key can only be built from values
 * of the exact forms the API issues (no {@code ..}, no {@code /}, no other text).
 */
public record UploadTarget(String userKey, String collectionId, String imageId, String uploadId) {
    private static final Pattern USER_KEY = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public UploadTarget {
        if (userKey == null || !USER_KEY.matcher(userKey).matches()) throw new IllegalArgumentException("not a user key");
        if (collectionId == null || !ID.matcher(collectionId).matches()) throw new IllegalArgumentException("not a collection id");
        if (imageId == null || !ID.matcher(imageId).matches()) throw new IllegalArgumentException("not an image id");
        if (!UploadIds.isWellFormed(uploadId)) throw new IllegalArgumentException("not an upload id");
    }
}
