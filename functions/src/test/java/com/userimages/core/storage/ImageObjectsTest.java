package com.userimages.core.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.testing.ObjectStoreEngine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** On the S3 engine (s3rver): what the append and delete paths ask of the bucket. */
class ImageObjectsTest {
    private final S3Client s3 = ObjectStoreEngine.client();
    private final ImageObjects objects = new ImageObjects(s3, ObjectStoreEngine.BUCKET);

    private static String freshKey(String prefix) {
        return prefix + UUID.randomUUID();
    }

    private String put(String key, byte[] bytes, String type) {
        s3.putObject(r -> r.bucket(ObjectStoreEngine.BUCKET).key(key).contentType(type), RequestBody.fromBytes(bytes));
        return key;
    }

    @Test
    void aMissingObjectHasNoFacts() {
        assertEquals(Optional.empty(), objects.head(freshKey("uploads/")));
    }

    @Test
    void factsAndFirstBytesOfTheVersionSeen() {
        byte[] png = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, 1000);
        String key = put(freshKey("uploads/"), png, "image/png");
        StoredObject seen = objects.head(key).orElseThrow();
        assertEquals(1000, seen.bytes());
        assertEquals("image/png", seen.contentType());
        byte[] head = objects.firstBytes(key, seen, ImageType.HEAD_BYTES);
        assertEquals(ImageType.HEAD_BYTES, head.length);
        assertTrue(ImageType.PNG.matches(head));
        byte[] tiny = objects.firstBytes(put(freshKey("uploads/"), new byte[] {1, 2, 3}, "image/png"),
                new StoredObject(3, "image/png", null), ImageType.HEAD_BYTES);
        assertArrayEquals(new byte[] {1, 2, 3}, tiny, "an object shorter than the range is read whole");
    }

    @Test
    void theReadAndTheCopyNameTheCheckedVersion() {
        // A presigned PUT may be sent again until it expires, so bytes put after the check must not be
        // read or copied as the checked ones. S3 refuses a read or copy whose If-Match names another
        // version; s3rver ignores both headers, so what is shown here is that the requests carry them.
        List<SdkHttpRequest> sent = new ArrayList<>();
        ImageObjects observed = new ImageObjects(ObjectStoreEngine.client(new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                sent.add(context.httpRequest());
            }
        }), ObjectStoreEngine.BUCKET);
        String key = put(freshKey("uploads/"), "GIF89a-first".getBytes(), "image/gif");
        StoredObject checked = observed.head(key).orElseThrow();
        observed.firstBytes(key, checked, ImageType.HEAD_BYTES);
        observed.copy(key, checked, freshKey("images/"), ImageType.GIF);
        assertEquals(List.of(checked.eTag()), sent.get(1).headers().get("If-Match"), "the ranged read");
        assertEquals(List.of("bytes=0-63"), sent.get(1).headers().get("Range"));
        assertEquals(List.of(checked.eTag()), sent.get(2).headers().get("x-amz-copy-source-if-match"), "the copy");
    }

    @Test
    void theCopyIsStoredWithTheCheckedType() {
        String from = put(freshKey("uploads/"), "GIF89a....".getBytes(), "image/gif");
        StoredObject checked = objects.head(from).orElseThrow();
        String to = freshKey("images/");
        objects.copy(from, checked, to, ImageType.GIF);
        StoredObject copied = objects.head(to).orElseThrow();
        assertEquals(checked.bytes(), copied.bytes());
        assertEquals("image/gif", copied.contentType());
    }

    @Test
    void deletesRemoveEveryKeyAndCountNothingLeft() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) keys.add(put(freshKey("images/"), new byte[] {(byte) i}, "image/png"));
        keys.add(freshKey("images/"));
        assertEquals(0, objects.deleteAll(keys), "a key that is already gone is deleted too");
        for (String key : keys) assertEquals(Optional.empty(), objects.head(key));
        assertThrows(NoSuchKeyException.class, () -> s3.getObject(r -> r.bucket(ObjectStoreEngine.BUCKET).key(keys.get(0))));
    }

    @Test
    void deletesThatCannotReachTheBucketAreCountedNotThrown() {
        ImageObjects elsewhere = new ImageObjects(s3, "no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(2, elsewhere.deleteAll(List.of("images/a", "images/b")));
    }
}
