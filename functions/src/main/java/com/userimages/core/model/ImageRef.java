package com.userimages.core.model;

/**
 * One image of a collection: its id (lower-case UUID) and url. An uploaded image's url is
 * {@code s3:} and its object key, and {@code upload} holds what was checked of the object; for an
 * image at an external URL {@code upload} is null.
 */
public record ImageRef(String imageId, String url, UploadedFile upload) {
    /** An image at an external URL. */
    public ImageRef(String imageId, String url) {
        this(imageId, url, null);
    }

    public boolean isUpload() {
        return upload != null;
    }
}
