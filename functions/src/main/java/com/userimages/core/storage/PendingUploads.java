package com.userimages.core.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Turns pending uploads into checked images: each object's size and stored type against the bounds,
 * its first bytes against that type's signature, then a copy to its final key. The bytes are the
 * client's and are never trusted: an object that fails a check is deleted at once, so nothing a
 * client uploads stays anywhere but under {@code uploads/}, which expires.
 *
 * <p>At most {@link #PARALLELISM} objects are checked at a time: a request holds up to ten uploads,
 * and each check is three S3 calls in a row.
 */
public final class PendingUploads {
    static final int PARALLELISM = 4;

    private final ImageObjects objects;
    private final long maxUploadBytes;

    public PendingUploads(ImageObjects objects, long maxUploadBytes) {
        this.objects = objects;
        this.maxUploadBytes = maxUploadBytes;
    }

    /** One check per target, in the targets' order. */
    public List<UploadCheck> checkAndCopy(List<UploadTarget> targets) {
        if (targets.size() <= 1) return targets.stream().map(this::checkAndCopy).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLELISM, targets.size()), Thread.ofVirtual().factory())) {
            List<Future<UploadCheck>> running = new ArrayList<>(targets.size());
            for (UploadTarget target : targets) running.add(pool.submit(() -> checkAndCopy(target)));
            List<UploadCheck> checks = new ArrayList<>(targets.size());
            for (Future<UploadCheck> check : running) checks.add(join(check));
            return checks;
        }
    }

    /** Deletes the copies of {@code copied} (a refused append); returns how many could not be deleted. */
    public int discardCopies(List<UploadCheck.Copied> copied) {
        return objects.deleteAll(copied.stream().map(UploadCheck.Copied::imageKey).toList());
    }

    /** Deletes the pending objects of {@code copied} (after the append); returns how many could not be deleted. */
    public int discardPending(List<UploadCheck.Copied> copied) {
        return objects.deleteAll(copied.stream().map(c -> ObjectKeys.pending(c.target())).toList());
    }

    UploadCheck checkAndCopy(UploadTarget target) {
        String pending = ObjectKeys.pending(target);
        StoredObject object = objects.head(pending).orElse(null);
        if (object == null) return new UploadCheck.Missing(target);
        try {
            String problem = problem(pending, object);
            if (problem != null) return invalid(target, problem);
            ImageType type = ImageType.fromDeclared(object.contentType()).orElseThrow();
            String imageKey = ObjectKeys.image(target);
            objects.copy(pending, object, imageKey, type);
            return new UploadCheck.Copied(target, imageKey, type, object.bytes());
        } catch (S3Exception e) {
            // 412: the object was PUT again after it was looked at (the URL is valid until it
            // expires); what was checked is gone, and what is there now was never checked.
            if (e.statusCode() == 412) return invalid(target, "the upload changed while it was checked");
            // Gone between the look and the copy: a concurrent append of the same upload committed it
            // and deleted the pending object (the caller tells that from a real miss by a read).
            if (e.statusCode() == 404) return new UploadCheck.Missing(target);
            throw e;
        }
    }

    private UploadCheck invalid(UploadTarget target, String problem) {
        objects.deleteAll(List.of(ObjectKeys.pending(target)));
        return new UploadCheck.Invalid(target, problem);
    }

    private String problem(String pending, StoredObject object) {
        if (object.bytes() < 1) return "the upload is empty";
        if (object.bytes() > maxUploadBytes) return "the upload is larger than " + maxUploadBytes + " bytes";
        ImageType type = ImageType.fromDeclared(object.contentType()).orElse(null);
        if (type == null) return "the upload's type is not one of the image types";
        if (!type.matches(objects.firstBytes(pending, object, ImageType.HEAD_BYTES))) {
            return "the upload's bytes are not " + type.mediaType();
        }
        return null;
    }

    private static UploadCheck join(Future<UploadCheck> check) {
        try {
            return check.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking uploads", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException(e.getCause());
        }
    }
}
