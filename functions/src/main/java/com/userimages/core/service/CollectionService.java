package com.userimages.core.service;

import com.userimages.core.data.CollectionRepository;
import com.userimages.core.data.CollectionRepository.AppendAttempt;
import com.userimages.core.data.CollectionRepository.StoredState;
import com.userimages.core.data.ItemSizeEstimator;
import com.userimages.core.error.ApiException;
import com.userimages.core.model.AppendResult;
import com.userimages.core.model.Bounds;
import com.userimages.core.model.Collection;
import com.userimages.core.model.ImageInCollection;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.NewCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Creates, appends to and reads collections, for one caller at a time. */
public final class CollectionService {
    /** A refused append is retried this many times after the first try, each time without the ids already there. */
    static final int MAX_APPEND_RETRIES = 3;

    private final CollectionRepository repository;
    private final Bounds bounds;

    public CollectionService(CollectionRepository repository, Bounds bounds) {
        this.repository = repository;
        this.bounds = bounds;
    }

    /** A create's outcome: the collection as stored now, and whether this request stored it. */
    public record Created(Collection collection, boolean isNew) {}

    public Created create(String userId, NewCollection collection) {
        long size = ItemSizeEstimator.newCollection(userId, collection);
        if (size > ItemSizeEstimator.MAX_ITEM_BYTES) throw itemTooLarge();
        Optional<StoredState> existing = repository.putIfAbsent(userId, collection, size);
        if (existing.isEmpty()) {
            return new Created(new Collection(collection.collectionId(), collection.timestamp(), collection.images()), true);
        }
        StoredState state = existing.get();
        if (!collection.requestDigest().equals(state.requestDigest())) {
            throw new ApiException.Conflict("COLLECTION_EXISTS",
                    "A collection with this id exists with other content.");
        }
        return new Created(state.collection(), false);
    }

    /**
     * Appends images at the end. Ids already in the collection with the same url are skipped, so a
     * retried request adds nothing twice; the same id with another url refuses the whole request.
     */
    public AppendResult append(String userId, String collectionId, List<ImageRef> images) {
        List<ImageRef> pending = images;
        for (int attempt = 0; attempt <= MAX_APPEND_RETRIES; attempt++) {
            long addedBytes = ItemSizeEstimator.images(pending);
            AppendAttempt outcome = repository.appendImages(userId, collectionId, pending, addedBytes,
                    bounds.maxImagesPerCollection(), ItemSizeEstimator.MAX_ITEM_BYTES);
            switch (outcome) {
                case AppendAttempt.Appended appended -> {
                    return new AppendResult(collectionId, pending.size(), appended.imageCount());
                }
                case AppendAttempt.Refused refused -> {
                    StoredState state = refused.state();
                    if (state == null) throw notFound();
                    List<ImageRef> fresh = withoutPresent(pending, state);
                    if (fresh.isEmpty()) {
                        return new AppendResult(collectionId, 0, state.imageCount());
                    }
                    if (fresh.size() == pending.size()) {
                        // None of the ids was there, so the refusal was a bound, unless the item changed meanwhile.
                        if (state.imageCount() + fresh.size() > bounds.maxImagesPerCollection()) {
                            throw new ApiException.PayloadTooLarge("COLLECTION_TOO_LARGE",
                                    "A collection holds at most " + bounds.maxImagesPerCollection() + " images.");
                        }
                        if (state.sizeBytes() + ItemSizeEstimator.images(fresh) > ItemSizeEstimator.MAX_ITEM_BYTES) {
                            throw itemTooLarge();
                        }
                    }
                    pending = fresh;
                }
            }
        }
        throw new ApiException.Conflict("CONCURRENT_MODIFICATION",
                "The collection kept changing during the append; retry the request.");
    }

    /** The images not yet in the collection; an id there with another url is a conflict for the whole request. */
    private static List<ImageRef> withoutPresent(List<ImageRef> images, StoredState state) {
        List<ImageRef> fresh = new ArrayList<>(images.size());
        for (ImageRef image : images) {
            String storedUrl = state.urlsById().get(image.imageId());
            if (storedUrl == null) {
                fresh.add(image);
            } else if (!storedUrl.equals(image.url())) {
                throw new ApiException.Conflict("IMAGE_ID_CONFLICT",
                        "The image " + image.imageId() + " is already in the collection with another url.");
            }
        }
        return fresh;
    }

    public Collection get(String userId, String collectionId) {
        return repository.get(userId, collectionId).orElseThrow(CollectionService::notFound);
    }

    public ImageInCollection getImage(String userId, String collectionId, String imageId) {
        Collection collection = get(userId, collectionId);
        List<ImageRef> images = collection.images();
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i).imageId().equals(imageId)) {
                return new ImageInCollection(collectionId, imageId, images.get(i).url(), i);
            }
        }
        throw new ApiException.NotFound("IMAGE_NOT_FOUND", "No image with this id in the collection.");
    }

    private static ApiException notFound() {
        return new ApiException.NotFound("COLLECTION_NOT_FOUND", "No collection with this id.");
    }

    private static ApiException itemTooLarge() {
        return new ApiException.PayloadTooLarge("COLLECTION_TOO_LARGE",
                "The collection would exceed DynamoDB's 400 KB item size limit.");
    }
}
