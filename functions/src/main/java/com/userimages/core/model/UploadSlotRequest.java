package com.userimages.core.model;

/**
 * What a client declares for an upload slot: the type and size it will PUT, and optionally the
 * image's id (a lower-case UUID; {@code imageId} is null when the client let the API choose).
 * {@code bytes} is the declared number as sent, bounded only by {@link Long}: whether it is
 * allowed is the upload bounds' decision, not the parser's.
 */
public record UploadSlotRequest(String contentType, long bytes, String imageId) {}
