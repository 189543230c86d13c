package com.userimages.core.model;

/** One image of an append request: at an external URL, or an upload the client has PUT. */
public sealed interface AppendEntry {
    String imageId();

    /** An image at an external URL, as a create takes it too. */
    record External(ImageRef image) implements AppendEntry {
        public String imageId() { return image.imageId(); }
    }

    /** The upload {@code uploadId} of image {@code imageId} (both as the slot gave them, validated). */
    record Upload(String imageId, String uploadId) implements AppendEntry {}
}
