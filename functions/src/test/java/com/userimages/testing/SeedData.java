package com.userimages.testing;

import com.userimages.contract.UserImagesTable;
import com.userimages.core.data.ItemSizeEstimator;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.NewCollection;
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
 * stores (see CollectionRepository.putIfAbsent), hundreds or thousands at a time.
 */
public final class SeedData {
    private static final int BATCH = 25;

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
        for (int i = 0; i < seeds.size(); i += BATCH) {
            List<WriteRequest> writes = new ArrayList<>();
            for (Seed seed : seeds.subList(i, Math.min(seeds.size(), i + BATCH))) {
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(storedItem(userId, seed)).build()).build());
            }
            Map<String, List<WriteRequest>> pending = Map.of(DynamoDbLocalExtension.tableName(), writes);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = DynamoDbLocalExtension.client().batchWriteItem(b -> b.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    static Map<String, AttributeValue> storedItem(String userId, Seed seed) {
        List<ImageRef> images = new ArrayList<>(seed.imageCount());
        for (int i = 0; i < seed.imageCount(); i++) images.add(new ImageRef(UUID.randomUUID().toString(), seed.url(i)));
        NewCollection collection = new NewCollection(seed.collectionId(), seed.timestamp(), images, "seed");
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(UserImagesTable.PARTITION_KEY, s(userId));
        item.put(UserImagesTable.SORT_KEY, s(seed.collectionId()));
        item.put(UserImagesTable.TIMESTAMP_INDEX_SORT_KEY, s(seed.timestamp()));
        List<AttributeValue> list = new ArrayList<>();
        for (ImageRef image : images) {
            list.add(AttributeValue.fromM(Map.of(UserImagesTable.IMAGE_ID, s(image.imageId()), UserImagesTable.URL, s(image.url()))));
        }
        item.put(UserImagesTable.IMAGES, AttributeValue.fromL(list));
        item.put(UserImagesTable.IMAGE_COUNT, AttributeValue.fromN(Integer.toString(seed.imageCount())));
        item.put(UserImagesTable.REQUEST_DIGEST, s(collection.requestDigest()));
        item.put(UserImagesTable.SIZE_BYTES, AttributeValue.fromN(Long.toString(ItemSizeEstimator.newCollection(userId, collection))));
        if (!images.isEmpty()) {
            item.put(UserImagesTable.IMAGE_IDS, AttributeValue.fromSs(images.stream().map(ImageRef::imageId).toList()));
            item.put(UserImagesTable.COVER_URL, s(seed.coverUrl()));
        }
        return item;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
