package com.userimages.core.storage;

/**
 * What checking one pending upload found. Only {@link Copied} yields an image: the others say why
 * not, for the caller to answer with (409 {@code UPLOAD_MISSING}, 422 {@code UPLOAD_INVALID}).
 */
public sealed interface UploadCheck {
    UploadTarget target();

    /** No pending object under the target's key: never uploaded, expired, or another collection's. */
    record Missing(UploadTarget target) implements UploadCheck {}

    /** The object is not an image this API stores; it has been deleted. */
    record Invalid(UploadTarget target, String reason) implements UploadCheck {}

    /** Checked and copied to {@code imageKey}, stored as {@code type}, {@code bytes} long. */
    record Copied(UploadTarget target, String imageKey, ImageType type, long bytes) implements UploadCheck {}
}
