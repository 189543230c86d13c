package com.userimages.core.service;

import com.userimages.core.data.CollectionRepository;
import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import com.userimages.core.model.Collection;
import com.userimages.core.model.Ids;
import com.userimages.core.model.UploadSlotRequest;
import com.userimages.core.storage.ImageType;
import com.userimages.core.storage.ObjectKeys;
import com.userimages.core.storage.ObjectUrlSigner;
import com.userimages.core.storage.UploadIds;
import com.userimages.core.storage.UploadSettings;
import com.userimages.core.storage.UploadTarget;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Opens upload slots (API.md, "Uploads", step 1): a presigned PUT for a new, never reused key under
 * {@code uploads/}. Nothing is written anywhere: the slot is a signature, so a slot never used costs
 * nothing and leaves nothing behind.
 */
public final class UploadSlots {
    private static final String TYPES = Arrays.stream(ImageType.values()).map(ImageType::mediaType).collect(Collectors.joining(", "));

    private final CollectionRepository repository;
    private final ObjectUrlSigner signer;
    private final UploadIds uploadIds;
    private final UploadSettings settings;

    public UploadSlots(CollectionRepository repository, ObjectUrlSigner signer, UploadIds uploadIds, UploadSettings settings) {
        this.repository = repository;
        this.signer = signer;
        this.uploadIds = uploadIds;
        this.settings = settings;
    }

    /**
     * The declared type and size are judged first (422: no read is spent on a slot that cannot be
     * given), then the collection must be the caller's (404) and the image id new in it (409).
     */
    public UploadSlot open(String userId, String collectionId, UploadSlotRequest request) {
        ImageType type = ImageType.fromDeclared(request.contentType()).orElseThrow(() -> new ApiException.Unprocessable(
                ErrorCode.UPLOAD_NOT_ALLOWED, "contentType must be one of " + TYPES + "."));
        if (request.bytes() < 1 || request.bytes() > settings.maxUploadBytes()) {
            throw new ApiException.Unprocessable(ErrorCode.UPLOAD_NOT_ALLOWED, "bytes must be from 1 to " + settings.maxUploadBytes() + ".");
        }
        Collection collection = repository.get(userId, collectionId)
                .orElseThrow(() -> new ApiException.NotFound(ErrorCode.COLLECTION_NOT_FOUND));
        String imageId = request.imageId() != null ? request.imageId() : Ids.generate();
        if (collection.images().stream().anyMatch(image -> image.imageId().equals(imageId))) {
            throw new ApiException.Conflict(ErrorCode.IMAGE_EXISTS, "The collection already has an image with this imageId.");
        }
        UploadTarget target = new UploadTarget(ObjectKeys.userKey(userId), collectionId, imageId, uploadIds.next());
        return new UploadSlot(imageId, target.uploadId(),
                signer.put(ObjectKeys.pending(target), type.mediaType(), request.bytes(), settings.uploadUrlValidity()));
    }
}
