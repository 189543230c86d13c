package com.userimages.testing;

import com.userimages.contract.UserImagesTable;
import com.userimages.core.data.CollectionItems;
import com.userimages.core.data.ItemSizeEstimator;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.Incarnations;
import com.userimages.core.model.NewCollection;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Bulk test data: collections written with BatchWriteItem in exactly the shape the append function
 * stores (the same {@link CollectionItems#toItem} mapper), hundreds or thousands at a time.
 */
public final class SeedData {
    private static final int BATCH = 25;
    private static final Incarnations INCARNATIONS = new Incarnations(new SecureRandom());

    private SeedData() {}

    /** A collection to store: its id, its stored-form timestamp and how many images it holds. */
    public record Seed(String collectionId, String timestamp, int imageCount) {
        public static Seed of(String timestamp, int imageCount) {
            return new Seed(UUID.randomUUID().toString(), timestamp, imageCount);
        }

        public String coverUrl() {
            return imageCount == 0 ? null : url(0);
        }

        String url(int i) {
            return "https://seed.example/" + collectionId + "/" + i;
        }
    }

    public static void put(String userId, List<Seed> seeds) {
        write(seeds.stream().map(seed -> storedItem(userId, seed)).toList());
    }

    /** As {@link #put}, in the shape stored before {@code version} existed: the item has no version (and no incarnation). */
    public static void putWithoutVersion(String userId, List<Seed> seeds) {
        write(seeds.stream().map(seed -> {
            Map<String, AttributeValue> item = new HashMap<>(storedItem(userId, seed));
            item.remove(UserImagesTable.VERSION);
            item.remove(UserImagesTable.INCARNATION);
            return Map.copyOf(item);
        }).toList());
    }

    private static void write(List<Map<String, AttributeValue>> items) {
        for (int i = 0; i < items.size(); i += BATCH) {
            List<WriteRequest> writes = new ArrayList<>();
            for (Map<String, AttributeValue> item : items.subList(i, Math.min(items.size(), i + BATCH))) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(DynamoDbExtension.tableName(), writes);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = DynamoDbExtension.client().batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    static Map<String, AttributeValue> storedItem(String userId, Seed seed) {
        List<ImageRef> images = new ArrayList<>(seed.imageCount());
        for (int i = 0; i < seed.imageCount(); i++) images.add(new ImageRef(UUID.randomUUID().toString(), seed.url(i)));
        NewCollection collection = new NewCollection(seed.collectionId(), seed.timestamp(), images, "seed");
        return CollectionItems.toItem(userId, collection, ItemSizeEstimator.newCollection(userId, collection), INCARNATIONS.next());
    }
}
