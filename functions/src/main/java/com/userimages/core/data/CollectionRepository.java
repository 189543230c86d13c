package com.userimages.core.data;

import static com.userimages.contract.UserImagesTable.COVER_URL;
import static com.userimages.contract.UserImagesTable.IMAGES;
import static com.userimages.contract.UserImagesTable.IMAGE_COUNT;
import static com.userimages.contract.UserImagesTable.IMAGE_ID;
import static com.userimages.contract.UserImagesTable.IMAGE_IDS;
import static com.userimages.contract.UserImagesTable.PARTITION_KEY;
import static com.userimages.contract.UserImagesTable.REQUEST_DIGEST;
import static com.userimages.contract.UserImagesTable.SIZE_BYTES;
import static com.userimages.contract.UserImagesTable.SORT_KEY;
import static com.userimages.contract.UserImagesTable.TIMESTAMP_INDEX;
import static com.userimages.contract.UserImagesTable.TIMESTAMP_INDEX_SORT_KEY;
import static com.userimages.contract.UserImagesTable.URL;

import com.userimages.core.error.ApiException;
import com.userimages.core.model.Collection;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.IndexKey;
import com.userimages.core.model.ListQuery;
import com.userimages.core.model.ListedCollection;
import com.userimages.core.model.NewCollection;
import com.userimages.core.observability.RequestMetrics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Owns every DynamoDB expression on the collections table. Every value goes through
 * {@code ExpressionAttributeValues} and every name through {@code ExpressionAttributeNames}: no
 * expression text is ever built from input. SDK failures leave as {@link ApiException}s.
 */
public final class CollectionRepository {
    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public CollectionRepository(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    public String tableName() { return tableName; }

    /** What the item held when a conditional write was refused; absent when there was no item. */
    public record StoredState(int imageCount, long sizeBytes, Map<String, String> urlsById, String requestDigest,
                              Collection collection) {}

    /**
     * Writes a new collection unless one with that id exists. Returns empty when written, else the
     * existing item's state (read atomically with the refusal via {@code ReturnValuesOnConditionCheckFailure}).
     */
    public Optional<StoredState> putIfAbsent(String userId, NewCollection collection, long sizeBytes) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PARTITION_KEY, s(userId));
        item.put(SORT_KEY, s(collection.collectionId()));
        item.put(TIMESTAMP_INDEX_SORT_KEY, s(collection.timestamp()));
        item.put(IMAGES, imageList(collection.images()));
        item.put(IMAGE_COUNT, n(collection.images().size()));
        item.put(REQUEST_DIGEST, s(collection.requestDigest()));
        item.put(SIZE_BYTES, n(sizeBytes));
        if (!collection.images().isEmpty()) {
            // DynamoDB has no empty set and no empty cover: both are absent until there is an image.
            item.put(IMAGE_IDS, idSet(collection.images()));
            item.put(COVER_URL, s(collection.images().getFirst().url()));
        }
        PutItemRequest request = PutItemRequest.builder()
                .tableName(tableName)
                .item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PARTITION_KEY))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
        try {
            RequestMetrics.write(call(() -> dynamoDb.putItem(request)).consumedCapacity());
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            return Optional.of(stateOf(e.item()));
        }
    }

    /** Reads one collection, strongly consistent. */
    public Optional<Collection> get(String userId, String collectionId) {
        GetItemRequest request = GetItemRequest.builder()
                .tableName(tableName)
                .key(key(userId, collectionId))
                .consistentRead(true)
                .projectionExpression("#sk, #ts, #images")
                .expressionAttributeNames(Map.of("#sk", SORT_KEY, "#ts", TIMESTAMP_INDEX_SORT_KEY, "#images", IMAGES))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
        GetItemResponse response = call(() -> dynamoDb.getItem(request));
        RequestMetrics.read(response.consumedCapacity());
        Map<String, AttributeValue> item = response.item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(collectionOf(item));
    }

    /** The outcome of one conditional append. */
    public sealed interface AppendAttempt {
        record Appended(int imageCount) implements AppendAttempt {}

        /** The condition failed; {@code state} is the item as it was, or empty if there is none. */
        record Refused(Optional<StoredState> state) implements AppendAttempt {}
    }

    /**
     * Appends images in one conditional {@code UpdateItem}. The condition holds the collection's
     * bounds (no arithmetic is allowed in conditions, so the right-hand sides are computed here) and
     * refuses if any of the ids is already there; the caller decides what a refusal means.
     */
    public AppendAttempt appendImages(String userId, String collectionId, List<ImageRef> images, long addedBytes,
                                      int maxImages, long maxBytes) {
        Map<String, String> names = new HashMap<>();
        names.put("#pk", PARTITION_KEY);
        names.put("#images", IMAGES);
        names.put("#count", IMAGE_COUNT);
        names.put("#size", SIZE_BYTES);
        names.put("#cover", COVER_URL);
        names.put("#ids", IMAGE_IDS);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":new", imageList(images));
        values.put(":n", n(images.size()));
        values.put(":delta", n(addedBytes));
        values.put(":first", s(images.getFirst().url()));
        values.put(":idSet", idSet(images));
        values.put(":maxMinusN", n(maxImages - images.size()));
        values.put(":maxMinusDelta", n(maxBytes - addedBytes));
        // One OR-ed NOT: a hundred separate NOT contains(...) terms would pass DynamoDB's 300-operator limit.
        StringBuilder anyPresent = new StringBuilder();
        for (int i = 0; i < images.size(); i++) {
            if (i > 0) anyPresent.append(" OR ");
            anyPresent.append("contains(#ids, :a").append(i).append(')');
            values.put(":a" + i, s(images.get(i).imageId()));
        }
        UpdateItemRequest request = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(key(userId, collectionId))
                .updateExpression("SET #images = list_append(#images, :new), #count = #count + :n, "
                        + "#size = #size + :delta, #cover = if_not_exists(#cover, :first) ADD #ids :idSet")
                .conditionExpression("attribute_exists(#pk) AND #count <= :maxMinusN AND #size <= :maxMinusDelta"
                        + " AND NOT (" + anyPresent + ")")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                // The new count comes back with the write itself (no second read); UPDATED_NEW also
                // carries the images list, which costs transfer but no capacity.
                .returnValues(ReturnValue.UPDATED_NEW)
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
        try {
            UpdateItemResponse response = call(() -> dynamoDb.updateItem(request));
            RequestMetrics.write(response.consumedCapacity());
            Map<String, AttributeValue> updated = response.attributes();
            return new AppendAttempt.Appended(Integer.parseInt(updated.get(IMAGE_COUNT).n()));
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> old = e.item();
            return new AppendAttempt.Refused(old == null || old.isEmpty() ? Optional.empty() : Optional.of(stateOf(old)));
        }
    }

    /**
     * One Query call's outcome on the LSI: the entries that passed the filter, where DynamoDB stopped
     * (absent when the key range is exhausted) and how many entries it evaluated, filter or not.
     */
    public record IndexSlice(List<ListedCollection> items, Optional<IndexKey> lastEvaluatedKey, int scannedCount) {
        public IndexSlice {
            items = List.copyOf(items);
        }
    }

    /**
     * One eventually consistent Query on the caller's slice of the {@code byTimestamp} LSI: the
     * from/to range as the key condition, the image-count filter only when it filters anything, and
     * {@code limit} entries evaluated at most (DynamoDB counts them before the filter).
     * {@code exclusiveStart} is null for the first call of a walk.
     */
    public IndexSlice queryByTimestamp(String userId, ListQuery query, IndexKey exclusiveStart, int limit) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#pk", PARTITION_KEY);
        values.put(":pk", s(userId));
        String keyCondition = "#pk = :pk";
        if (query.from() != null || query.to() != null) {
            names.put("#ts", TIMESTAMP_INDEX_SORT_KEY);
            if (query.from() != null) values.put(":from", s(query.from()));
            if (query.to() != null) values.put(":to", s(query.to()));
            keyCondition += query.from() == null ? " AND #ts <= :to"
                    : query.to() == null ? " AND #ts >= :from"
                    : " AND #ts BETWEEN :from AND :to";
        }
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tableName)
                .indexName(TIMESTAMP_INDEX)
                .keyConditionExpression(keyCondition)
                .scanIndexForward(query.order().forward())
                .limit(limit)
                .consistentRead(false)
                // Only what the index holds: asking for anything else would fetch whole items from the table.
                .select(Select.ALL_PROJECTED_ATTRIBUTES)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        if (query.minImages() > 0) {
            names.put("#count", IMAGE_COUNT);
            values.put(":min", n(query.minImages()));
            request.filterExpression("#count >= :min");
        }
        if (exclusiveStart != null) {
            request.exclusiveStartKey(Map.of(
                    PARTITION_KEY, s(userId),
                    SORT_KEY, s(exclusiveStart.collectionId()),
                    TIMESTAMP_INDEX_SORT_KEY, s(exclusiveStart.timestamp())));
        }
        request.expressionAttributeNames(names).expressionAttributeValues(values);

        QueryResponse response;
        try {
            response = dynamoDb.query(request.build());
        } catch (DynamoDbException e) {
            // Our own expressions are fixed, so a refusal of the request's shape comes from the start
            // key a page token carried: the client's input, not a server failure.
            if (exclusiveStart != null && isValidation(e)) {
                throw new ApiException.BadRequest("INVALID_TOKEN", "nextToken is not valid for this request.");
            }
            throw DynamoDbErrors.translate(e);
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e);
        }
        RequestMetrics.read(response.consumedCapacity());
        RequestMetrics.queryCall(response.scannedCount() == null ? 0 : response.scannedCount());

        List<ListedCollection> items = new ArrayList<>(response.items().size());
        for (Map<String, AttributeValue> item : response.items()) {
            AttributeValue cover = item.get(COVER_URL);
            items.add(new ListedCollection(item.get(SORT_KEY).s(), item.get(TIMESTAMP_INDEX_SORT_KEY).s(),
                    Integer.parseInt(item.get(IMAGE_COUNT).n()), cover == null ? null : cover.s()));
        }
        Optional<IndexKey> last = Optional.empty();
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            Map<String, AttributeValue> key = response.lastEvaluatedKey();
            if (!userId.equals(key.get(PARTITION_KEY).s())) {
                throw new IllegalStateException("a Query on one partition stopped in another");
            }
            last = Optional.of(new IndexKey(key.get(SORT_KEY).s(), key.get(TIMESTAMP_INDEX_SORT_KEY).s()));
        }
        return new IndexSlice(items, last, response.scannedCount());
    }

    private static boolean isValidation(DynamoDbException e) {
        return e.awsErrorDetails() != null && "ValidationException".equals(e.awsErrorDetails().errorCode());
    }

    private static StoredState stateOf(Map<String, AttributeValue> item) {
        Collection collection = collectionOf(item);
        Map<String, String> urlsById = new LinkedHashMap<>();
        for (ImageRef image : collection.images()) urlsById.put(image.imageId(), image.url());
        AttributeValue digest = item.get(REQUEST_DIGEST);
        return new StoredState(
                Integer.parseInt(item.get(IMAGE_COUNT).n()),
                Long.parseLong(item.get(SIZE_BYTES).n()),
                urlsById,
                digest == null ? null : digest.s(),
                collection);
    }

    private static Collection collectionOf(Map<String, AttributeValue> item) {
        List<AttributeValue> list = item.get(IMAGES).l();
        List<ImageRef> images = new ArrayList<>(list.size());
        for (AttributeValue element : list) {
            Map<String, AttributeValue> m = element.m();
            images.add(new ImageRef(m.get(IMAGE_ID).s(), m.get(URL).s()));
        }
        return new Collection(item.get(SORT_KEY).s(), item.get(TIMESTAMP_INDEX_SORT_KEY).s(), images);
    }

    private static Map<String, AttributeValue> key(String userId, String collectionId) {
        return Map.of(PARTITION_KEY, s(userId), SORT_KEY, s(collectionId));
    }

    private static AttributeValue imageList(List<ImageRef> images) {
        List<AttributeValue> list = new ArrayList<>(images.size());
        for (ImageRef image : images) {
            list.add(AttributeValue.fromM(Map.of(IMAGE_ID, s(image.imageId()), URL, s(image.url()))));
        }
        return AttributeValue.fromL(list);
    }

    private static AttributeValue idSet(List<ImageRef> images) {
        return AttributeValue.fromSs(images.stream().map(ImageRef::imageId).toList());
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** Runs one SDK call; conditional refusals pass through for the caller, every other failure is translated. */
    static <T> T call(Supplier<T> sdkCall) {
        try {
            return sdkCall.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (SdkException e) {
            throw DynamoDbErrors.translate(e);
        }
    }
}
