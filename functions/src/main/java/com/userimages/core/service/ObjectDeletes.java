package com.userimages.core.service;

import com.userimages.core.model.ImageRef;
import com.userimages.core.observability.RequestMetrics;
import com.userimages.core.storage.ImageObjects;
import com.userimages.core.storage.ObjectKeys;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Deletes the objects of uploaded images a DynamoDB write has just removed (an image delete, a
 * collection delete): after the write, retried, and never failing the request — the write is what
 * the caller asked for, and it is done. What cannot be deleted is counted as
 * {@code orphanedObjects} in the request line, which an alarm watches. Every key is used once, so
 * these deletes can only reach this request's objects.
 */
public final class ObjectDeletes {
    private final Supplier<ImageObjects> objects;

    /** {@code objects}: built on the first delete of an uploaded image, so URL-only traffic never builds the S3 client. */
    public ObjectDeletes(Supplier<ImageObjects> objects) {
        this.objects = objects;
    }

    public void deleteObjectsOf(List<ImageRef> removed) {
        List<String> keys = removed.stream().map(image -> ObjectKeys.imageKeyOf(image.url())).flatMap(Optional::stream).toList();
        if (keys.isEmpty()) return;
        int left;
        try {
            left = objects.get().deleteAll(keys);
        } catch (RuntimeException e) {
            // Not even a client to ask (a missing setting): every object stays, and is counted.
            left = keys.size();
        }
        RequestMetrics.orphanedObjects(left);
    }
}
