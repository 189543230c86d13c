package com.userimages.core.service;

import com.userimages.core.data.AppendOutcome;
import com.userimages.core.data.CollectionRepository;
import com.userimages.core.data.CreateOutcome;
import com.userimages.core.data.DeleteOutcome;
import com.userimages.core.data.ItemSizeEstimator;
import com.userimages.core.data.RemoveImageOutcome;
import com.userimages.core.data.ReorderOutcome;
import com.userimages.core.data.StoredCollection;
import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import com.userimages.core.model.AppendResult;
import com.userimages.core.model.Bounds;
import com.userimages.core.model.Collection;
import com.userimages.core.model.CollectionTag;
import com.userimages.core.model.ImageInCollection;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.NewCollection;
import com.userimages.core.model.Preconditions;
import com.userimages.core.model.RemoveResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Creates, appends to and reads collections, for one caller at a time. */
public final class CollectionService {
    /** A refused append is retried this many times after the first try, each time without the ids already there. */
    static final int MAX_APPEND_RETRIES = 3;
    /** API.md: a reorder or a collection delete refused because the collection changed is re-read and retried at most this often. */
    static final int MAX_EDIT_RETRIES = 3;

    private final CollectionRepository repository;
    private final Bounds bounds;
    private final RetryPacing pacing;

    public CollectionService(CollectionRepository repository, Bounds bounds) {
        this(repository, bounds, RetryPacing.system());
    }

    /** {@code pacing}: how an image delete that keeps losing races waits between its retries. */
    public CollectionService(CollectionRepository repository, Bounds bounds, RetryPacing pacing) {
        this.repository = repository;
        this.bounds = bounds;
        this.pacing = pacing;
    }

    /** A create's outcome: the collection as stored now, and whether this request stored it. */
    public record Created(Collection collection, boolean isNew) {}

    public Created create(String userId, NewCollection collection) {
        return create(userId, collection, Preconditions.NONE);
    }

    /**
     * Creates the collection, or answers a replay with it as it is now (same fields) — 409 for other
     * content. The preconditions name the body's collection: {@code If-None-Match: *} creates only
     * if absent (412 when it exists, replay or not); with {@code If-Match} nothing is ever created:
     * 412 unless the collection exists in a listed state, and then the replay rules apply. (Without
     * an id in the body the id is new, so {@code If-Match} is a 412 and {@code *} holds.)
     */
    public Created create(String userId, NewCollection collection, Preconditions preconditions) {
        long size = ItemSizeEstimator.newCollection(userId, collection);
        if (size > ItemSizeEstimator.MAX_ITEM_BYTES) throw itemTooLarge();
        StoredCollection state;
        if (preconditions.ifMatch().isPresent()) {
            state = repository.readState(userId, collection.collectionId())
                    .orElseThrow(() -> new ApiException.PreconditionFailed(
                            "If-Match names a state of an existing collection, and there is no collection with this id."));
        } else {
            switch (repository.putIfAbsent(userId, collection, size)) {
                case CreateOutcome.Created created -> {
                    return new Created(created.collection(), true);
                }
                case CreateOutcome.Exists exists -> state = exists.state();
            }
        }
        requireHeld(preconditions, state.collection().tag());
        if (!collection.requestDigest().equals(state.requestDigest())) {
            throw new ApiException.Conflict(ErrorCode.COLLECTION_EXISTS,
                    "A collection with this id exists with other content.");
        }
        return new Created(state.collection(), false);
    }

    /**
     * Appends images at the end. Ids already in the collection with the same url are skipped, so a
     * retried request adds nothing twice; the same id with another url refuses the whole request.
     * Only onto a state the preconditions accept, checked in the write's own condition:
     * else 412 — unless every image is there already with its url, the retry of an append that
     * succeeded, which answers 200 whatever {@code If-Match} says. Preconditions too long for a
     * condition are evaluated on a strongly consistent read, and the write is pinned to that state.
     */
    public AppendResult append(String userId, String collectionId, List<ImageRef> images, Preconditions preconditions) {
        List<ImageRef> pending = images;
        boolean guardAsSent = preconditions.fitsACondition();
        StoredCollection known = guardAsSent ? null : repository.readState(userId, collectionId).orElseThrow(CollectionService::notFound);
        for (int attempt = 0; attempt <= MAX_APPEND_RETRIES; attempt++) {
            if (known != null) {
                List<ImageRef> fresh = stillToAppend(pending, known, preconditions);
                if (fresh.isEmpty()) {
                    return new AppendResult(collectionId, 0, known.imageCount(), known.collection().tag());
                }
                pending = fresh;
            }
            long addedBytes = ItemSizeEstimator.images(pending);
            Preconditions guard = guardAsSent ? preconditions : Preconditions.pinnedTo(known.collection().tag());
            AppendOutcome outcome = repository.appendImages(userId, collectionId, pending, addedBytes,
                    bounds.maxImagesPerCollection(), ItemSizeEstimator.MAX_ITEM_BYTES, guard);
            switch (outcome) {
                case AppendOutcome.Appended appended -> {
                    return new AppendResult(collectionId, pending.size(), appended.imageCount(), appended.tag());
                }
                case AppendOutcome.Refused refused -> {
                    known = refused.state();
                    if (known == null) throw notFound();
                }
            }
        }
        throw new ApiException.Conflict(ErrorCode.CONCURRENT_MODIFICATION,
                "The collection kept changing during the append; retry the request.");
    }

    /**
     * What of {@code pending} an append must still write onto {@code state} (empty: all there, a
     * retry of one that succeeded), or why it cannot: 412, 409 or 413. When none of the ids is
     * there and the preconditions hold, a refusal over a bound is told from a concurrent change by
     * the numbers the state holds.
     */
    private List<ImageRef> stillToAppend(List<ImageRef> pending, StoredCollection state, Preconditions preconditions) {
        CollectionTag current = state.collection().tag();
        if (!preconditions.ifNoneMatchHolds(current)) throw ifNoneMatchFailed();
        List<ImageRef> fresh = withoutPresent(pending, state);
        if (fresh.isEmpty()) return fresh;
        if (!preconditions.ifMatchHolds(current)) throw preconditionFailed();
        if (fresh.size() == pending.size()) {
            if (state.imageCount() + fresh.size() > bounds.maxImagesPerCollection()) {
                throw new ApiException.PayloadTooLarge(ErrorCode.COLLECTION_TOO_LARGE,
                        "A collection holds at most " + bounds.maxImagesPerCollection() + " images.");
            }
            if (state.sizeBytes() + ItemSizeEstimator.images(fresh) > ItemSizeEstimator.MAX_ITEM_BYTES) {
                throw itemTooLarge();
            }
        }
        return fresh;
    }

    /** The images not yet in the collection; an id there with another url is a conflict for the whole request. */
    private static List<ImageRef> withoutPresent(List<ImageRef> images, StoredCollection state) {
        List<ImageRef> fresh = new ArrayList<>(images.size());
        for (ImageRef image : images) {
            String storedUrl = state.urlsById().get(image.imageId());
            if (storedUrl == null) {
                fresh.add(image);
            } else if (!storedUrl.equals(image.url())) {
                throw new ApiException.Conflict(ErrorCode.IMAGE_ID_CONFLICT,
                        "The image " + image.imageId() + " is already in the collection with another url.");
            }
        }
        return fresh;
    }

    public Collection get(String userId, String collectionId) {
        return repository.get(userId, collectionId).orElseThrow(CollectionService::notFound);
    }

    /** A conditional read: what was read, its tag, and whether the client's copy is current ({@code If-None-Match} matched: 304). */
    public record Read<T>(T value, CollectionTag tag, boolean notModified) {}

    /** The collection, 404 when there is none; then 412 when {@code If-Match} names another state; then 304 by {@code If-None-Match}. */
    public Read<Collection> get(String userId, String collectionId, Preconditions preconditions) {
        Collection collection = get(userId, collectionId);
        return conditionalRead(collection, collection.tag(), preconditions);
    }

    public ImageInCollection getImage(String userId, String collectionId, String imageId) {
        return getImage(userId, collectionId, imageId, Preconditions.NONE).value();
    }

    /** One image, as {@link #get(String, String, Preconditions)}; the preconditions name its collection, after the image is found. */
    public Read<ImageInCollection> getImage(String userId, String collectionId, String imageId, Preconditions preconditions) {
        Collection collection = get(userId, collectionId);
        int position = positionOf(collection, imageId);
        ImageInCollection image = new ImageInCollection(collectionId, collection.images().get(position), position, collection.tag());
        return conditionalRead(image, collection.tag(), preconditions);
    }

    private static <T> Read<T> conditionalRead(T value, CollectionTag tag, Preconditions preconditions) {
        if (!preconditions.ifMatchHolds(tag)) throw preconditionFailed();
        return new Read<>(value, tag, !preconditions.ifNoneMatchHolds(tag));
    }

    /**
     * Puts the collection's images in the order of {@code imageIds}, which must name each of them
     * exactly once. One conditional write guarded by the version read; a concurrent change refuses
     * it and it is re-read and retried (at most {@link #MAX_EDIT_RETRIES} times) — after a
     * concurrent append or delete the ids no longer match, which is a 409. The current order is a
     * no-op that leaves the version alone. The preconditions are evaluated on each read, before
     * anything else, and the write is pinned to the state read.
     */
    public Collection reorder(String userId, String collectionId, List<String> imageIds, Preconditions preconditions) {
        Collection current = get(userId, collectionId);
        for (int attempt = 0; ; attempt++) {
            requireHeld(preconditions, current.tag());
            List<ImageRef> reordered = inOrder(current, imageIds);
            if (reordered.equals(current.images())) return current;
            ReorderOutcome outcome = repository.replaceImages(userId, collectionId, reordered, current.tag());
            switch (outcome) {
                case ReorderOutcome.Reordered done -> {
                    return new Collection(collectionId, current.timestamp(), reordered, done.tag());
                }
                case ReorderOutcome.Refused refused -> {
                    if (attempt == MAX_EDIT_RETRIES) throw concurrentModification();
                    current = refused.current().orElseThrow(CollectionService::notFound);
                }
            }
        }
    }

    /** The collection's images in the order of {@code imageIds}; 409 unless the ids are exactly the collection's. */
    private static List<ImageRef> inOrder(Collection collection, List<String> imageIds) {
        Map<String, ImageRef> byId = new HashMap<>();
        for (ImageRef image : collection.images()) byId.put(image.imageId(), image);
        Set<String> seen = new HashSet<>();
        List<ImageRef> ordered = new ArrayList<>(imageIds.size());
        for (String id : imageIds) {
            ImageRef image = byId.get(id);
            if (image == null || !seen.add(id)) throw imageSetMismatch();
            ordered.add(image);
        }
        if (ordered.size() != collection.images().size()) throw imageSetMismatch();
        return ordered;
    }

    /**
     * Removes one image, by its position in a strongly consistent read, in one conditional write
     * that pins that element (and carries the preconditions, or the state they were evaluated on
     * when they are too long for a condition). Appends never move an element, so only a concurrent
     * delete or reorder (or an append onto a collection read with one image) refuses it; it is then
     * read again — 404 when the image went meanwhile, 412 when the preconditions no longer hold —
     * and retried after a jittered pause, for up to {@link RetryPacing#IMAGE_DELETE_BUDGET}, then 409.
     */
    /** The result of an image delete, and the image it removed (whose object goes next). */
    public record ImageRemoval(RemoveResult result, ImageRef image) {}

    public ImageRemoval deleteImage(String userId, String collectionId, String imageId, Preconditions preconditions) {
        boolean guardAsSent = preconditions.fitsACondition();
        RetryPacing.Budget budget = pacing.start(RetryPacing.IMAGE_DELETE_BUDGET);
        Collection current = get(userId, collectionId);
        while (true) {
            int index = positionOf(current, imageId);
            requireHeld(preconditions, current.tag());
            ImageRef image = current.images().get(index);
            Preconditions guard = guardAsSent ? preconditions : Preconditions.pinnedTo(current.tag());
            RemoveImageOutcome outcome = repository.removeImage(userId, collectionId, index, image, current.imageCount(),
                    guard, ItemSizeEstimator.images(List.of(image)));
            switch (outcome) {
                case RemoveImageOutcome.Removed removed -> {
                    return new ImageRemoval(new RemoveResult(collectionId, 1, removed.imageCount(), removed.tag()), image);
                }
                case RemoveImageOutcome.Refused refused -> {
                    Collection changed = refused.current().orElseThrow(CollectionService::notFound);
                    // What the refusal's read already decides is answered without waiting.
                    positionOf(changed, imageId);
                    requireHeld(preconditions, changed.tag());
                    if (!budget.pauseBeforeRetry()) throw concurrentModification();
                    // Read again after the pause: the one made at the refusal is older by the pause.
                    current = get(userId, collectionId);
                }
            }
        }
    }

    /**
     * Deletes the collection: 404 when there is none (a retried delete too), 412 when the
     * preconditions refuse its state — in the delete's own condition ({@code If-None-Match: *}
     * never deletes). Preconditions too long for a condition are evaluated on a read and the
     * delete pinned to that state, re-read at most {@link #MAX_EDIT_RETRIES} times.
     */
    /** Deletes the collection; returns its images as they were, whose objects go next. */
    public List<ImageRef> deleteCollection(String userId, String collectionId, Preconditions preconditions) {
        boolean guardAsSent = preconditions.fitsACondition();
        for (int attempt = 0; ; attempt++) {
            Preconditions guard = preconditions;
            if (!guardAsSent) {
                CollectionTag current = repository.get(userId, collectionId).orElseThrow(CollectionService::notFound).tag();
                requireHeld(preconditions, current);
                guard = Preconditions.pinnedTo(current);
            }
            DeleteOutcome outcome = repository.deleteCollection(userId, collectionId, guard);
            if (outcome instanceof DeleteOutcome.Deleted deleted) return deleted.deleted().images();
            DeleteOutcome.Refused refused = (DeleteOutcome.Refused) outcome;
            CollectionTag current = refused.current().orElseThrow(CollectionService::notFound);
            requireHeld(preconditions, current);
            // They hold now, so the state changed between the write and the read: try again.
            if (attempt == MAX_EDIT_RETRIES) throw concurrentModification();
        }
    }

    /** 412 unless both preconditions hold for an existing collection in state {@code current}; If-Match first. */
    private static void requireHeld(Preconditions preconditions, CollectionTag current) {
        if (!preconditions.ifMatchHolds(current)) throw preconditionFailed();
        if (!preconditions.ifNoneMatchHolds(current)) throw ifNoneMatchFailed();
    }

    private static int positionOf(Collection collection, String imageId) {
        List<ImageRef> images = collection.images();
        for (int i = 0; i < images.size(); i++) {
            if (images.get(i).imageId().equals(imageId)) return i;
        }
        throw imageNotFound();
    }

    private static ApiException imageNotFound() {
        return new ApiException.NotFound(ErrorCode.IMAGE_NOT_FOUND);
    }

    private static ApiException preconditionFailed() {
        return new ApiException.PreconditionFailed("The collection's current ETag matches none that If-Match names.");
    }

    private static ApiException ifNoneMatchFailed() {
        return new ApiException.PreconditionFailed("The collection's current ETag matches one that If-None-Match names (or it is *).");
    }

    private static ApiException imageSetMismatch() {
        return new ApiException.Conflict(ErrorCode.IMAGE_SET_MISMATCH,
                "imageIds must name every image of the collection exactly once.");
    }

    private static ApiException concurrentModification() {
        return new ApiException.Conflict(ErrorCode.CONCURRENT_MODIFICATION,
                "The collection kept changing during the request; read it again and retry.");
    }

    private static ApiException notFound() {
        return new ApiException.NotFound(ErrorCode.COLLECTION_NOT_FOUND);
    }

    private static ApiException itemTooLarge() {
        return new ApiException.PayloadTooLarge(ErrorCode.COLLECTION_TOO_LARGE,
                "The collection would exceed DynamoDB's 400 KB item size limit.");
    }
}
