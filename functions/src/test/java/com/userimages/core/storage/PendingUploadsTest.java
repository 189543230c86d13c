package com.userimages.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.testing.ObjectStoreEngine;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.s3.S3Client;

/** On the S3 engine: what an append does with the pending uploads it names, hostile ones first. */
class PendingUploadsTest {
    private static final long MAX_BYTES = 4096;
    private final S3Client s3 = ObjectStoreEngine.client();
    private final ImageObjects objects = new ImageObjects(s3, ObjectStoreEngine.BUCKET);
    private final PendingUploads uploads = new PendingUploads(objects, MAX_BYTES);
    private final String userKey = ObjectKeys.userKey("user-" + UUID.randomUUID());
    private final String collectionId = UUID.randomUUID().toString();

    private UploadTarget target() {
        return new UploadTarget(userKey, collectionId, UUID.randomUUID().toString(), new UploadIds(new java.security.SecureRandom()).next());
    }

    /** What a client's presigned PUT stores: the bytes, with the declared type as the object's type. */
    private UploadTarget uploaded(byte[] bytes, String declaredType) {
        UploadTarget target = target();
        s3.putObject(r -> r.bucket(ObjectStoreEngine.BUCKET).key(ObjectKeys.pending(target)).contentType(declaredType),
                RequestBody.fromBytes(bytes));
        return target;
    }

    private static byte[] image(ImageType type, int length) {
        return Arrays.copyOf(ImageTypeTest.sample(type), length);
    }

    @ParameterizedTest
    @EnumSource(ImageType.class)
    void anImageOfEachTypeIsCopiedWithItsTypeAndSize(ImageType type) {
        UploadTarget target = uploaded(image(type, 300), type.mediaType());
        UploadCheck.Copied copied = assertInstanceOf(UploadCheck.Copied.class, uploads.checkAndCopy(List.of(target)).getFirst());
        assertEquals(ObjectKeys.image(target), copied.imageKey());
        assertEquals(type, copied.type());
        assertEquals(300, copied.bytes());
        StoredObject stored = objects.head(copied.imageKey()).orElseThrow();
        assertEquals(type.mediaType(), stored.contentType());
        assertEquals(300, stored.bytes());
        assertTrue(objects.head(ObjectKeys.pending(target)).isPresent(), "the pending object stays until the append succeeded");
    }

    @Test
    void markupOrOtherBytesDeclaredAsAnImageAreInvalidAndDeleted() {
        List<UploadTarget> hostile = List.of(
                uploaded("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8), "image/png"),
                uploaded("<!DOCTYPE html><script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8), "image/png"),
                uploaded(image(ImageType.PNG, 7), "image/png"),
                uploaded(image(ImageType.GIF, 100), "image/png"),
                uploaded(image(ImageType.PNG, 100), "image/svg+xml"),
                uploaded(image(ImageType.PNG, 100), "text/html"),
                uploaded(image(ImageType.PNG, 100), "image/png; charset=utf-8"),
                uploaded(image(ImageType.PNG, (int) MAX_BYTES + 1), "image/png"),
                uploaded(new byte[0], "image/png"));
        List<UploadCheck> checks = uploads.checkAndCopy(hostile);
        assertEquals(hostile.size(), checks.size());
        for (int i = 0; i < hostile.size(); i++) {
            UploadCheck check = checks.get(i);
            assertInstanceOf(UploadCheck.Invalid.class, check, "upload " + i);
            assertEquals(hostile.get(i), check.target(), "in the targets' order");
            assertEquals(Optional.empty(), objects.head(ObjectKeys.pending(hostile.get(i))), "upload " + i + " deleted");
            assertEquals(Optional.empty(), objects.head(ObjectKeys.image(hostile.get(i))), "upload " + i + " never copied");
        }
    }

    @Test
    void anUploadNeverMadeOrMadeForAnotherCollectionIsMissing() {
        UploadTarget elsewhere = uploaded(image(ImageType.PNG, 50), "image/png");
        UploadTarget sameUploadOtherCollection = new UploadTarget(userKey, UUID.randomUUID().toString(), elsewhere.imageId(), elsewhere.uploadId());
        List<UploadCheck> checks = uploads.checkAndCopy(List.of(target(), sameUploadOtherCollection));
        assertInstanceOf(UploadCheck.Missing.class, checks.get(0));
        assertInstanceOf(UploadCheck.Missing.class, checks.get(1));
        assertTrue(objects.head(ObjectKeys.pending(elsewhere)).isPresent(), "another collection's upload is left alone");
    }

    @Test
    void tenUploadsAtOnceAreEachCheckedAndTheDiscardsRemoveWhatTheySay() {
        List<UploadTarget> targets = new ArrayList<>();
        for (int i = 0; i < 10; i++) targets.add(uploaded(image(ImageType.values()[i % 5], 64 + i), ImageType.values()[i % 5].mediaType()));
        List<UploadCheck.Copied> copied = uploads.checkAndCopy(targets).stream().map(c -> assertInstanceOf(UploadCheck.Copied.class, c)).toList();
        assertEquals(targets, copied.stream().map(UploadCheck.Copied::target).toList());
        assertEquals(0, uploads.discardPending(copied));
        for (UploadCheck.Copied c : copied) {
            assertEquals(Optional.empty(), objects.head(ObjectKeys.pending(c.target())));
            assertTrue(objects.head(c.imageKey()).isPresent());
        }
        assertEquals(0, uploads.discardCopies(copied));
        for (UploadCheck.Copied c : copied) assertEquals(Optional.empty(), objects.head(c.imageKey()));
    }

    /**
     * S3 answers 412 to the ranged read or the copy when the object was PUT again after the check
     * looked at it. s3rver ignores If-Match, so that answer is injected: the one fault here the
     * engine cannot produce.
     */
    @Test
    void anUploadPutAgainDuringItsCheckIsInvalidAndDeleted() {
        S3Client racing = ObjectStoreEngine.client(new ExecutionInterceptor() {
            @Override
            public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
                boolean rangedRead = context.httpRequest().method() == SdkHttpMethod.GET && context.httpRequest().firstMatchingHeader("Range").isPresent();
                return rangedRead ? context.httpResponse().toBuilder().statusCode(412).statusText("Precondition Failed").build() : context.httpResponse();
            }
        });
        ImageObjects racingObjects = new ImageObjects(racing, ObjectStoreEngine.BUCKET);
        UploadTarget target = uploaded(image(ImageType.PNG, 100), "image/png");
        UploadCheck check = new PendingUploads(racingObjects, MAX_BYTES).checkAndCopy(List.of(target)).getFirst();
        assertEquals("the upload changed while it was checked", assertInstanceOf(UploadCheck.Invalid.class, check).reason());
        assertEquals(Optional.empty(), objects.head(ObjectKeys.pending(target)));
        assertEquals(Optional.empty(), objects.head(ObjectKeys.image(target)));
    }
}
