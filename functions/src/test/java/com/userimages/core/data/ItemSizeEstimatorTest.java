package com.userimages.core.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.UserImagesTable;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.NewCollection;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.TestApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;

/**
 * The stored estimate must never be below what DynamoDB counts, or the write condition could let
 * an item cross 400 KB. DynamoDB charges one write unit per started KB of the item, so a rewrite of
 * the stored item with its consumed capacity bounds the real size from below.
 */
@ExtendWith(DynamoDbExtension.class)
class ItemSizeEstimatorTest {
    @ParameterizedTest(name = "{0} images with {1}-character urls")
    @CsvSource({"0, 20", "1, 2048", "10, 100", "100, 30", "100, 2040", "150, 2040", "500, 200"})
    void theStoredEstimateIsAtLeastWhatDynamoDbCounts(int imageCount, int urlLength) {
        String user = TestApi.newUser();
        String collectionId = UUID.randomUUID().toString();
        List<ImageRef> images = new ArrayList<>();
        for (int i = 0; i < imageCount; i++) {
            String prefix = "https://size.example/";
            images.add(new ImageRef(UUID.randomUUID().toString(), prefix + "u".repeat(urlLength - prefix.length())));
        }
        var collection = new NewCollection(collectionId, "2026-05-05T05:05:05Z", images, "digest-digest-digest-digest-digest-digest-123");
        long estimate = ItemSizeEstimator.newCollection(user, collection);
        var repository = new CollectionRepository(DynamoDbExtension.client(), DynamoDbExtension.tableName());
        repository.putIfAbsent(user, collection, estimate);

        Map<String, AttributeValue> stored = DynamoDbExtension.client().getItem(r -> r.tableName(DynamoDbExtension.tableName())
                .consistentRead(true).key(Map.of(UserImagesTable.PARTITION_KEY, AttributeValue.fromS(user),
                        UserImagesTable.SORT_KEY, AttributeValue.fromS(collectionId)))).item();
        ConsumedCapacity consumed = DynamoDbExtension.client().putItem(r -> r.tableName(DynamoDbExtension.tableName())
                .item(stored).returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity();
        double tableUnits = consumed.table().capacityUnits();
        long realSizeAtLeast = (long) ((tableUnits - 1) * 1024);
        assertTrue(estimate >= realSizeAtLeast, "estimate " + estimate + " < DynamoDB's count of at least " + realSizeAtLeast);
        assertTrue(estimate < realSizeAtLeast + 16 * 1024, "estimate " + estimate + " is far above the real size " + realSizeAtLeast);
    }
}
