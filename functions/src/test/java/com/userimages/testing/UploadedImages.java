package com.userimages.testing;

import com.userimages.core.data.AppendOutcome;
import com.userimages.core.data.CollectionRepository;
import com.userimages.core.data.ItemSizeEstimator;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.Preconditions;
import com.userimages.core.model.UploadedFile;
import com.userimages.core.storage.ObjectKeys;
import com.userimages.core.storage.UploadIds;
import com.userimages.core.storage.UploadTarget;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Uploaded images as the append path leaves them, made without it: the checked object under its
 * {@code images/} key in the test S3 engine, and its element ({@code s3:} url, type, size) appended
 * to a collection through the repository. For the reads' tests.
 */
public final class UploadedImages {
    private static final UploadIds UPLOAD_IDS = new UploadIds(new SecureRandom());

    private UploadedImages() {}

    /** Stores {@code bytes} as a new image of the user's collection and appends its element; returns the element. */
    public static ImageRef append(String user, String collectionId, String contentType, byte[] bytes) {
        String key = ObjectKeys.image(new UploadTarget(ObjectKeys.userKey(user), collectionId, UUID.randomUUID().toString(), UPLOAD_IDS.next()));
        ObjectStoreEngine.client().putObject(r -> r.bucket(ObjectStoreEngine.BUCKET).key(key).contentType(contentType),
                RequestBody.fromBytes(bytes));
        String imageId = key.split("/")[3];
        return appendElement(user, collectionId, new ImageRef(imageId, ObjectKeys.url(key), new UploadedFile(contentType, bytes.length)));
    }

    /** Appends an element as stored, whatever it holds (a broken one too), with no object behind it. */
    public static ImageRef appendElement(String user, String collectionId, ImageRef element) {
        CollectionRepository repository = DynamoDbExtension.components().collectionRepository();
        AppendOutcome outcome = repository.appendImages(user, collectionId, List.of(element), ItemSizeEstimator.images(List.of(element)),
                1_000, ItemSizeEstimator.MAX_ITEM_BYTES, Preconditions.NONE);
        if (!(outcome instanceof AppendOutcome.Appended)) throw new IllegalStateException("the element was not appended: " + outcome);
        return element;
    }
}
