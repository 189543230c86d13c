package com.userimages.core.service;

import com.userimages.core.storage.PresignedRequest;

/** An upload slot: the image it will be, its upload id, and the presigned PUT the client sends the bytes with. */
public record UploadSlot(String imageId, String uploadId, PresignedRequest put) {}
