package com.userimages.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.UserImagesTable;
import com.userimages.core.data.ItemSizeEstimator;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.NewCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a stored collection directly and checks what every write must keep exact: the count, the
 * id set, the cover and the size estimate agree with the stored list, ids are unique, and the
 * version is present.
 */
public final class CollectionAudit {
    private CollectionAudit() {}

    public static Optional<Map<String, AttributeValue>> item(String user, String collectionId) {
        Map<String, AttributeValue> item = DynamoDbExtension.client().getItem(r -> r.tableName(DynamoDbExtension.tableName())
                .consistentRead(true).key(Map.of(UserImagesTable.PARTITION_KEY, AttributeValue.fromS(user),
                        UserImagesTable.SORT_KEY, AttributeValue.fromS(collectionId)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    /** The stored images, after asserting that everything derived from them is exact. */
    public static List<ImageRef> assertConsistent(String user, String collectionId) {
        Map<String, AttributeValue> item = item(user, collectionId).orElseThrow(() -> new AssertionError("no item " + collectionId));
        List<ImageRef> images = new ArrayList<>();
        for (AttributeValue element : item.get(UserImagesTable.IMAGES).l()) {
            images.add(new ImageRef(element.m().get(UserImagesTable.IMAGE_ID).s(), element.m().get(UserImagesTable.URL).s()));
        }
        TreeSet<String> ids = new TreeSet<>();
        for (ImageRef image : images) assertTrue(ids.add(image.imageId()), "an id twice in the list: " + image.imageId());
        assertEquals(images.size(), Integer.parseInt(item.get(UserImagesTable.IMAGE_COUNT).n()), "imageCount");
        if (images.isEmpty()) {
            assertFalse(item.containsKey(UserImagesTable.IMAGE_IDS), "no empty id set");
            assertNull(item.get(UserImagesTable.COVER_URL), "no cover while empty");
        } else {
            assertEquals(ids, new TreeSet<>(item.get(UserImagesTable.IMAGE_IDS).ss()), "imageIds");
            assertEquals(images.getFirst().url(), item.get(UserImagesTable.COVER_URL).s(), "coverUrl");
        }
        NewCollection asNew = new NewCollection(collectionId, item.get(UserImagesTable.TIMESTAMP_INDEX_SORT_KEY).s(), images,
                item.get(UserImagesTable.REQUEST_DIGEST).s());
        assertEquals(ItemSizeEstimator.newCollection(user, asNew), Long.parseLong(item.get(UserImagesTable.SIZE_BYTES).n()),
                "sizeBytes is the estimate of the stored list");
        return images;
    }

    /** The stored version; 1 for an item without the attribute. */
    public static long version(String user, String collectionId) {
        Map<String, AttributeValue> item = item(user, collectionId).orElseThrow();
        AttributeValue version = item.get(UserImagesTable.VERSION);
        if (version == null) return 1;
        assertNotNull(version.n());
        return Long.parseLong(version.n());
    }
}
