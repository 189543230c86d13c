package com.userimages.core.storage;

import com.userimages.contract.ObjectAccess;
import com.userimages.contract.Subjects;
import java.util.Optional;

/**
 * The bucket's object keys. A key names the caller by {@link #userKey}, never by the raw {@code sub}
 * (keys reach URLs, logs and S3's own access logs), and is built only from values this API validated
 * or chose: lower-case UUIDs and {@link UploadIds upload ids}, so no input text shapes a key.
 */
public final class ObjectKeys {
    /** Where a stored element's {@code url} says "this bucket": no accepted URL can start with it. */
    public static final String URL_PREFIX = "s3:";

    private ObjectKeys() {}

    /** The first 32 hex digits of SHA-256 of the {@code sub}. */
    public static String userKey(String sub) {
        return Subjects.digest(sub, 16);
    }

    /** Where the client PUTs the bytes. */
    public static String pending(UploadTarget target) {
        return ObjectAccess.UPLOADS_PREFIX + path(target);
    }

    /** Where the checked copy lives while a collection holds it. */
    public static String image(UploadTarget target) {
        return ObjectAccess.IMAGES_PREFIX + path(target);
    }

    /** The stored element's {@code url} for an image key. */
    public static String url(String imageKey) {
        return URL_PREFIX + imageKey;
    }

    /** The image key a stored {@code url} names, if it is one of this bucket's (and well formed). */
    public static Optional<String> imageKeyOf(String url) {
        if (url == null || !url.startsWith(URL_PREFIX)) return Optional.empty();
        String key = url.substring(URL_PREFIX.length());
        if (!key.startsWith(ObjectAccess.IMAGES_PREFIX)) return Optional.empty();
        // A key of ours is exactly the four parts a target validates, nothing more.
        String[] parts = key.substring(ObjectAccess.IMAGES_PREFIX.length()).split("/", -1);
        if (parts.length != 4) return Optional.empty();
        try {
            new UploadTarget(parts[0], parts[1], parts[2], parts[3]);
            return Optional.of(key);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String path(UploadTarget target) {
        return target.userKey() + "/" + target.collectionId() + "/" + target.imageId() + "/" + target.uploadId();
    }
}
