package com.userimages.core.storage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The bucket's objects as the functions use them: facts of a pending upload, its first bytes, the
 * copy to its final key, and deletes that never fail a request. Every read after the first names the
 * ETag it saw, so the bytes checked are the bytes copied: a presigned PUT can be sent again until it
 * expires, and a second PUT between the check and the copy makes the copy fail rather than store
 * what was never checked.
 */
public final class ImageObjects {
    /** DeleteObjects takes at most this many keys a call. */
    private static final int DELETE_BATCH = 1000;
    private static final int DELETE_ATTEMPTS = 3;

    private final S3Client s3;
    private final String bucket;

    public ImageObjects(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The object under {@code key}, or empty when there is none. */
    public Optional<StoredObject> head(String key) {
        try {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(new StoredObject(head.contentLength(), head.contentType(), head.eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
    }

    /** Up to {@code count} leading bytes of exactly the version {@code object} describes. */
    public byte[] firstBytes(String key, StoredObject object, int count) {
        ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)
                .range("bytes=0-" + (count - 1)).ifMatch(object.eTag()));
        return bytes.asByteArray();
    }

    /**
     * Copies the checked version of {@code from} to {@code to}, stored with the checked type (the
     * client's own {@code Content-Type} is not what a later GET answers with).
     */
    public void copy(String from, StoredObject checked, String to, ImageType type) {
        s3.copyObject(r -> r.sourceBucket(bucket).sourceKey(from).copySourceIfMatch(checked.eTag())
                .destinationBucket(bucket).destinationKey(to)
                .metadataDirective(MetadataDirective.REPLACE).contentType(type.mediaType())
                .contentDisposition("inline").cacheControl("private"));
    }

    /**
     * Deletes {@code keys}, retried; returns how many could not be deleted. Never throws: a delete
     * follows a write that already succeeded, and what is left is counted (an alarm watches it) and
     * removed by the bucket's own rules or by hand, never made the caller's error.
     */
    public int deleteAll(Collection<String> keys) {
        List<String> left = new ArrayList<>(keys);
        for (int attempt = 0; attempt < DELETE_ATTEMPTS && !left.isEmpty(); attempt++) {
            List<String> failed = new ArrayList<>();
            for (int from = 0; from < left.size(); from += DELETE_BATCH) {
                List<String> batch = left.subList(from, Math.min(left.size(), from + DELETE_BATCH));
                failed.addAll(deleteBatch(batch));
            }
            left = failed;
        }
        return left.size();
    }

    private List<String> deleteBatch(List<String> batch) {
        try {
            DeleteObjectsResponse response = s3.deleteObjects(r -> r.bucket(bucket).delete(d -> d.quiet(true)
                    .objects(batch.stream().map(k -> ObjectIdentifier.builder().key(k).build()).toList())));
            return response.hasErrors() ? response.errors().stream().map(e -> e.key()).toList() : List.of();
        } catch (SdkException e) {
            return batch;
        }
    }
}
