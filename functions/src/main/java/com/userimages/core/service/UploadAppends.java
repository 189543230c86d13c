package com.userimages.core.service;

import com.userimages.core.data.CollectionRepository;
import com.userimages.core.data.StoredCollection;
import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import com.userimages.core.model.AppendEntry;
import com.userimages.core.model.AppendResult;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.Preconditions;
import com.userimages.core.model.UploadedFile;
import com.userimages.core.observability.RequestMetrics;
import com.userimages.core.storage.ObjectKeys;
import com.userimages.core.storage.PendingUploads;
import com.userimages.core.storage.UploadCheck;
import com.userimages.core.storage.UploadTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An append that names uploads (API.md, "Uploads", step 3): the collection is read first, so an
 * upload it holds already is a retry that touches no object; the others are checked and copied to
 * their final keys; then the one conditional append, as for URLs; only then are the pending objects
 * deleted. A refused append deletes the copies it made unless the collection holds them by then (a
 * concurrent retry of the same request committed them). An append of URLs only is the plain append.
 */
public final class UploadAppends {
    private final CollectionRepository repository;
    private final CollectionService collections;
    private final Supplier<PendingUploads> uploads;

    /** {@code uploads}: built on the first append that names one, so URL-only traffic never builds the S3 client. */
    public UploadAppends(CollectionRepository repository, CollectionService collections, Supplier<PendingUploads> uploads) {
        this.repository = repository;
        this.collections = collections;
        this.uploads = uploads;
    }

    public AppendResult append(String userId, String collectionId, List<AppendEntry> entries, Preconditions preconditions) {
        if (entries.stream().noneMatch(e -> e instanceof AppendEntry.Upload)) {
            return collections.append(userId, collectionId, entries.stream().map(e -> ((AppendEntry.External) e).image()).toList(),
                    preconditions);
        }
        StoredCollection state = repository.readState(userId, collectionId)
                .orElseThrow(() -> new ApiException.NotFound(ErrorCode.COLLECTION_NOT_FOUND));
        String userKey = ObjectKeys.userKey(userId);
        Map<String, ImageRef> held = new HashMap<>();
        state.collection().images().forEach(image -> held.put(image.imageId(), image));

        List<UploadTarget> toCheck = new ArrayList<>();
        for (AppendEntry entry : entries) {
            if (!(entry instanceof AppendEntry.Upload upload)) continue;
            UploadTarget target = new UploadTarget(userKey, collectionId, upload.imageId(), upload.uploadId());
            ImageRef there = held.get(upload.imageId());
            if (there == null) {
                toCheck.add(target);
            } else if (!there.url().equals(ObjectKeys.url(ObjectKeys.image(target)))) {
                // Decided before any object is touched: the plain append would refuse it too.
                throw new ApiException.Conflict(ErrorCode.IMAGE_ID_CONFLICT,
                        "The image " + upload.imageId() + " is already in the collection with another url.");
            }
        }
        PendingUploads pending = uploads.get();
        List<UploadCheck> checks = pending.checkAndCopy(toCheck);
        List<UploadCheck.Copied> copied = checks.stream().filter(c -> c instanceof UploadCheck.Copied)
                .map(c -> (UploadCheck.Copied) c).toList();
        for (UploadCheck check : checks) {
            switch (check) {
                case UploadCheck.Copied c -> { }
                case UploadCheck.Missing missing -> {
                    if (committedMeanwhile(userId, collectionId, missing.target())) continue;
                    RequestMetrics.orphanedObjects(pending.discardCopies(copied));
                    throw new ApiException.Conflict(ErrorCode.UPLOAD_MISSING, "No pending upload " + missing.target().uploadId()
                            + " for image " + missing.target().imageId() + " of this collection: slot, PUT, then append.");
                }
                case UploadCheck.Invalid invalid -> {
                    RequestMetrics.orphanedObjects(pending.discardCopies(copied));
                    throw new ApiException.Unprocessable(ErrorCode.UPLOAD_INVALID,
                            "The upload of image " + invalid.target().imageId() + " was refused: " + invalid.reason() + ".");
                }
            }
        }
        Map<String, UploadCheck.Copied> copiedById = new HashMap<>();
        copied.forEach(c -> copiedById.put(c.target().imageId(), c));
        List<ImageRef> images = new ArrayList<>(entries.size());
        for (AppendEntry entry : entries) {
            switch (entry) {
                case AppendEntry.External external -> images.add(external.image());
                case AppendEntry.Upload upload -> {
                    UploadCheck.Copied c = copiedById.get(upload.imageId());
                    if (c != null) {
                        images.add(new ImageRef(upload.imageId(), ObjectKeys.url(c.imageKey()), new UploadedFile(c.type().mediaType(), c.bytes())));
                    } else {
                        // Held already (a retry), or committed meanwhile: the plain append skips it by its url.
                        UploadTarget target = new UploadTarget(userKey, collectionId, upload.imageId(), upload.uploadId());
                        ImageRef there = held.get(upload.imageId());
                        images.add(there != null ? there : new ImageRef(upload.imageId(), ObjectKeys.url(ObjectKeys.image(target))));
                    }
                }
            }
        }
        AppendResult result;
        try {
            result = collections.append(userId, collectionId, images, preconditions);
        } catch (RuntimeException refused) {
            discardUnheld(userId, collectionId, copied, pending);
            throw refused;
        }
        pending.discardPending(copied);
        return result;
    }

    /** Whether the collection holds {@code target}'s image now: a concurrent append of the same upload got there first. */
    private boolean committedMeanwhile(String userId, String collectionId, UploadTarget target) {
        String url = ObjectKeys.url(ObjectKeys.image(target));
        return repository.readState(userId, collectionId)
                .map(s -> url.equals(s.urlsById().get(target.imageId()))).orElse(false);
    }

    /** After a refused append: the copies the collection does not hold (read strongly consistent) go. */
    private void discardUnheld(String userId, String collectionId, List<UploadCheck.Copied> copied, PendingUploads pending) {
        if (copied.isEmpty()) return;
        List<String> urls = repository.readState(userId, collectionId)
                .map(s -> s.collection().images().stream().map(ImageRef::url).toList()).orElse(List.of());
        RequestMetrics.orphanedObjects(pending.discardCopies(copied.stream().filter(c -> !urls.contains(ObjectKeys.url(c.imageKey()))).toList()));
    }
}
