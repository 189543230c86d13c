package com.userimages.core.data;

import static com.userimages.contract.UserImagesTable.COVER_URL;
import static com.userimages.contract.UserImagesTable.IMAGES;
import static com.userimages.contract.UserImagesTable.IMAGE_COUNT;
import static com.userimages.contract.UserImagesTable.IMAGE_ID;
import static com.userimages.contract.UserImagesTable.IMAGE_IDS;
import static com.userimages.contract.UserImagesTable.INCARNATION;
import static com.userimages.contract.UserImagesTable.PARTITION_KEY;
import static com.userimages.contract.UserImagesTable.REQUEST_DIGEST;
import static com.userimages.contract.UserImagesTable.SIZE_BYTES;
import static com.userimages.contract.UserImagesTable.SORT_KEY;
import static com.userimages.contract.UserImagesTable.TIMESTAMP_INDEX;
import static com.userimages.contract.UserImagesTable.TIMESTAMP_INDEX_SORT_KEY;
import static com.userimages.contract.UserImagesTable.URL;
import static com.userimages.contract.UserImagesTable.VERSION;

import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import com.userimages.core.model.Collection;
import com.userimages.core.model.CollectionTag;
import com.userimages.core.model.Incarnations;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.IndexKey;
import com.userimages.core.model.ListSelection;
import com.userimages.core.model.ListedCollection;
import com.userimages.core.model.NewCollection;
import com.userimages.core.model.Preconditions;
import com.userimages.core.model.VersionMatch;
import com.userimages.core.observability.RequestMetrics;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
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
    private final Incarnations incarnations;

    public CollectionRepository(DynamoDbClient dynamoDb, String tableName) {
        this(dynamoDb, tableName, new Incarnations(new SecureRandom()));
    }

    public CollectionRepository(DynamoDbClient dynamoDb, String tableName, Incarnations incarnations) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.incarnations = incarnations;
    }

    /** What the item held when a conditional write was refused; absent when there was no item. */
    public record StoredState(int imageCount, long sizeBytes, Map<String, String> urlsById, String requestDigest,
                              Collection collection) {}

    /** A create refused this often by an item that a read then no longer finds is answered 409: it keeps being deleted and created. */
    static final int MAX_CREATE_ATTEMPTS = 3;

    /** The outcome of a create. */
    public sealed interface CreateAttempt {
        /** Written, as {@code collection}: version 1 under a newly chosen incarnation. */
        record Created(Collection collection) implements CreateAttempt {}

        /** A collection with that id exists; {@code state} is it as a read after the refusal found it. */
        record Exists(StoredState state) implements CreateAttempt {}
    }

    /**
     * Writes a new collection, under a newly chosen incarnation, unless one with that id exists.
     * When one does, its state comes from a strongly consistent read made only after the refusal
     * (the write itself returns nothing about the item: not every engine can). An item deleted
     * between the refusal and the read means the id is free again, so the write is tried again.
     */
    public CreateAttempt putIfAbsent(String userId, NewCollection collection, long sizeBytes) {
        String incarnation = incarnations.next();
        Map<String, AttributeValue> item = CollectionItems.toItem(userId, collection, sizeBytes, incarnation);
        PutItemRequest request = PutItemRequest.builder()
                .tableName(tableName)
                .item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PARTITION_KEY))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                RequestMetrics.write(call(() -> dynamoDb.putItem(request)).consumedCapacity());
                return new CreateAttempt.Created(new Collection(collection.collectionId(), collection.timestamp(),
                        collection.images(), new CollectionTag(Collection.FIRST_VERSION, incarnation)));
            } catch (ConditionalCheckFailedException e) {
                Optional<Map<String, AttributeValue>> existing = readRefused(userId, collection.collectionId());
                if (existing.isPresent()) return new CreateAttempt.Exists(stateOf(existing.get()));
                if (attempt == MAX_CREATE_ATTEMPTS) {
                    throw new ApiException.Conflict(ErrorCode.CONCURRENT_MODIFICATION,
                            "The collection kept being deleted and created during the request; retry it.");
                }
            }
        }
    }

    /** Reads one collection, strongly consistent. */
    public Optional<Collection> get(String userId, String collectionId) {
        GetItemRequest request = GetItemRequest.builder()
                .tableName(tableName)
                .key(key(userId, collectionId))
                .consistentRead(true)
                .projectionExpression("#sk, #ts, #images, #version, #inc")
                .expressionAttributeNames(Map.of("#sk", SORT_KEY, "#ts", TIMESTAMP_INDEX_SORT_KEY, "#images", IMAGES,
                        "#version", VERSION, "#inc", INCARNATION))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
        GetItemResponse response = call(() -> dynamoDb.getItem(request));
        RequestMetrics.read(response.consumedCapacity());
        Map<String, AttributeValue> item = response.item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(collectionOf(item));
    }

    /** The outcome of one conditional append. */
    public sealed interface AppendAttempt {
        record Appended(int imageCount, CollectionTag tag) implements AppendAttempt {}

        /** The condition failed; {@code state} is the item as a read after the refusal found it, or null (nullable) when there is none. */
        record Refused(StoredState state) implements AppendAttempt {}
    }

    /**
     * Appends images in one conditional {@code UpdateItem}. The condition holds the collection's
     * bounds (no arithmetic is allowed in conditions, so the right-hand sides are computed here) and
     * refuses if any of the ids is already there; the caller decides what a refusal means.
     */
    public AppendAttempt appendImages(String userId, String collectionId, List<ImageRef> images, long addedBytes,
                                      int maxImages, long maxBytes) {
        return appendImages(userId, collectionId, images, addedBytes, maxImages, maxBytes, Preconditions.NONE);
    }

    /** As above, and only while the collection's state is one {@code guard} accepts (in the same condition). */
    public AppendAttempt appendImages(String userId, String collectionId, List<ImageRef> images, long addedBytes,
                                      int maxImages, long maxBytes, Preconditions guard) {
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
        names.put("#version", VERSION);
        values.put(":one", n(1));
        String versionGuard = preconditionGuard(guard, names, values);
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
                        + "#size = #size + :delta, #cover = if_not_exists(#cover, :first), " + BUMP_VERSION
                        + " ADD #ids :idSet")
                .conditionExpression("attribute_exists(#pk) AND #count <= :maxMinusN AND #size <= :maxMinusDelta"
                        + " AND NOT (" + anyPresent + ")" + (versionGuard == null ? "" : " AND " + versionGuard))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                // The new count, version and incarnation come back with the write itself (no second
                // read); ALL_NEW, because the incarnation is not among what the write updates. The
                // whole item costs transfer, no capacity.
                .returnValues(ReturnValue.ALL_NEW)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
        try {
            UpdateItemResponse response = call(() -> dynamoDb.updateItem(request));
            RequestMetrics.write(response.consumedCapacity());
            Map<String, AttributeValue> updated = response.attributes();
            return new AppendAttempt.Appended(Integer.parseInt(updated.get(IMAGE_COUNT).n()), CollectionItems.tagOf(updated));
        } catch (ConditionalCheckFailedException e) {
            return new AppendAttempt.Refused(readRefused(userId, collectionId).map(CollectionRepository::stateOf).orElse(null));
        }
    }

    /**
     * One Query call's outcome on the LSI: the entries that passed the filter, where DynamoDB stopped
     * ({@code lastEvaluatedKey}, nullable: null when the key range is exhausted) and how many entries
     * it evaluated, filter or not.
     */
    public record IndexSlice(List<ListedCollection> items, IndexKey lastEvaluatedKey, int scannedCount) {
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
    public IndexSlice queryByTimestamp(String userId, ListSelection query, IndexKey exclusiveStart, int limit) {
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
                throw new ApiException.BadRequest(ErrorCode.INVALID_TOKEN, "nextToken is not valid for this request.");
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
        IndexKey last = null;
        if (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()) {
            Map<String, AttributeValue> key = response.lastEvaluatedKey();
            if (!userId.equals(key.get(PARTITION_KEY).s())) {
                throw new IllegalStateException("a Query on one partition stopped in another");
            }
            last = new IndexKey(key.get(SORT_KEY).s(), key.get(TIMESTAMP_INDEX_SORT_KEY).s());
        }
        return new IndexSlice(items, last, response.scannedCount());
    }

    /** Every write that changes a collection: an item stored before versions existed counts as version 1. */
    private static final String BUMP_VERSION = "#version = if_not_exists(#version, :one) + :one";

    /**
     * The condition that the item's state is one {@code guard} accepts, or null for any state: the
     * {@code If-Match} states, and none of the {@code If-None-Match} ones ({@code *}: no item at all,
     * which no write of an existing collection can meet).
     */
    private static String preconditionGuard(Preconditions guard, Map<String, String> names, Map<String, AttributeValue> values) {
        List<String> terms = new ArrayList<>();
        guard.ifMatch().map(m -> tagGuard(m, "m", names, values)).ifPresent(terms::add);
        guard.ifNoneMatch().ifPresent(m -> {
            if (m instanceof VersionMatch.Any) {
                terms.add("attribute_not_exists(#pk)");
            } else {
                String named = tagGuard(m, "n", names, values);
                // Naming nothing, If-None-Match holds for every state.
                if (named != null && !((VersionMatch.OneOf) m).tags().isEmpty()) terms.add("NOT " + named);
            }
        });
        return terms.isEmpty() ? null : String.join(" AND ", terms);
    }

    /**
     * The condition that the item's state is one {@code match} names, or null for any state.
     * Version 1 is also an item without the attribute, incarnation {@code 0} an item without that
     * one; an empty set names nothing. The tags are grouped by incarnation (a client's list almost
     * always holds one), each group one {@code IN} of versions, so a long list stays a short
     * expression. Adds the names and values it uses (DynamoDB refuses unused ones), its values
     * under {@code prefix} so two guards can share a request; {@code #pk} must be there already.
     * Every value is a placeholder: the tags come from a header.
     */
    private static String tagGuard(VersionMatch match, String prefix, Map<String, String> names,
                                   Map<String, AttributeValue> values) {
        if (!(match instanceof VersionMatch.OneOf oneOf)) return null;
        if (oneOf.tags().isEmpty()) return "attribute_not_exists(#pk)";
        names.put("#version", VERSION);
        names.put("#inc", INCARNATION);
        Map<String, TreeSet<Long>> byIncarnation = new TreeMap<>();
        for (CollectionTag tag : oneOf.tags()) byIncarnation.computeIfAbsent(tag.incarnation(), k -> new TreeSet<>()).add(tag.version());
        List<String> groups = new ArrayList<>();
        int g = 0;
        int v = 0;
        for (Map.Entry<String, TreeSet<Long>> group : byIncarnation.entrySet()) {
            String incarnation;
            if (group.getKey().equals(Incarnations.LEGACY)) {
                incarnation = "attribute_not_exists(#inc)";
            } else {
                String placeholder = ":" + prefix + "i" + g;
                values.put(placeholder, s(group.getKey()));
                incarnation = "#inc = " + placeholder;
            }
            List<String> placeholders = new ArrayList<>();
            for (long version : group.getValue()) {
                String placeholder = ":" + prefix + "v" + v++;
                values.put(placeholder, n(version));
                placeholders.add(placeholder);
            }
            String versions = placeholders.size() == 1 ? "#version = " + placeholders.getFirst()
                    : "#version IN (" + String.join(", ", placeholders) + ")";
            if (group.getValue().contains(Collection.FIRST_VERSION)) versions = "(attribute_not_exists(#version) OR " + versions + ")";
            groups.add(incarnation + " AND " + versions);
            g++;
        }
        // DynamoDB refuses redundant parentheses: a group is wrapped only when it is one of several.
        return groups.size() == 1 ? "(" + groups.getFirst() + ")" : "((" + String.join(") OR (", groups) + "))";
    }

    /** The outcome of one conditional reorder. */
    public sealed interface ReorderAttempt {
        record Reordered(CollectionTag tag) implements ReorderAttempt {}

        /** The collection changed since it was read; {@code current} is it now, or empty if it is gone. */
        record Refused(Optional<Collection> current) implements ReorderAttempt {}
    }

    /**
     * Replaces the images list (and the cover) with the same images in another order, in one
     * {@code UpdateItem} guarded by the version that was read: any change since makes it fail
     * instead of losing that change. Count, ids and size are unchanged by a reorder.
     */
    public ReorderAttempt replaceImages(String userId, String collectionId, List<ImageRef> images, CollectionTag read) {
        if (images.isEmpty()) throw new IllegalArgumentException("an empty collection has no order to change");
        Map<String, String> names = new HashMap<>();
        names.put("#pk", PARTITION_KEY);
        names.put("#images", IMAGES);
        names.put("#cover", COVER_URL);
        names.put("#version", VERSION);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":images", imageList(images));
        values.put(":cover", s(images.getFirst().url()));
        values.put(":one", n(1));
        String guard = tagGuard(VersionMatch.oneOf(Set.of(read)), "r", names, values);
        UpdateItemRequest request = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(key(userId, collectionId))
                .updateExpression("SET #images = :images, #cover = :cover, " + BUMP_VERSION)
                .conditionExpression("attribute_exists(#pk) AND " + guard)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
        try {
            RequestMetrics.write(call(() -> dynamoDb.updateItem(request)).consumedCapacity());
            return new ReorderAttempt.Reordered(read.next());
        } catch (ConditionalCheckFailedException e) {
            return new ReorderAttempt.Refused(readRefused(userId, collectionId).map(CollectionRepository::collectionOf));
        }
    }

    /** The outcome of one conditional image removal. */
    public sealed interface RemoveAttempt {
        record Removed(int imageCount, CollectionTag tag) implements RemoveAttempt {}

        /** The element moved or went, the cover guard failed, or the preconditions refused; {@code current} is the collection now, or empty if it is gone. */
        record Refused(Optional<Collection> current) implements RemoveAttempt {}
    }

    /**
     * Removes the image at {@code index} of the collection as read ({@code readCount} images), in
     * one {@code UpdateItem}: the list element, its id from the set (which disappears with its last
     * member), the count, the size estimate, the version and the cover. An append only adds at the
     * end, so it never moves an element: the condition pins the element itself (id and url at that
     * index), not the version, and appends racing the delete never refuse it. The cover needs its
     * own guard only when the first image goes: while a second one exists it becomes the cover (the
     * right-hand side reads the item before the update); when the read saw no second one, the cover
     * is removed, guarded by there still being none (a concurrent append refuses only that branch,
     * and the retry, which sees the append, takes the other). {@code guard} is the request's
     * preconditions (or the state they were evaluated on), in the same condition. {@code index} is a
     * number computed from the read, never text from a request.
     */
    public RemoveAttempt removeImage(String userId, String collectionId, int index, ImageRef image, int readCount,
                                     Preconditions guard, long removedBytes) {
        if (index < 0 || index >= readCount) throw new IllegalArgumentException("index outside the collection as read");
        Map<String, String> names = new HashMap<>();
        names.put("#pk", PARTITION_KEY);
        names.put("#images", IMAGES);
        names.put("#imageId", IMAGE_ID);
        names.put("#url", URL);
        names.put("#ids", IMAGE_IDS);
        names.put("#count", IMAGE_COUNT);
        names.put("#size", SIZE_BYTES);
        names.put("#version", VERSION);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":id", s(image.imageId()));
        values.put(":url", s(image.url()));
        values.put(":idSet", AttributeValue.fromSs(List.of(image.imageId())));
        values.put(":one", n(1));
        values.put(":delta", n(removedBytes));
        String element = "#images[" + index + "]";
        StringBuilder update = new StringBuilder("SET #count = #count - :one, #size = #size - :delta, ").append(BUMP_VERSION);
        StringBuilder condition = new StringBuilder("attribute_exists(#pk) AND ")
                .append(element).append(".#imageId = :id AND ").append(element).append(".#url = :url");
        // DynamoDB refuses names an expression does not use: #cover only when the cover changes.
        boolean firstOfSeveral = index == 0 && readCount > 1;
        boolean only = readCount == 1;
        if (firstOfSeveral || only) names.put("#cover", COVER_URL);
        if (firstOfSeveral) {
            update.append(", #cover = #images[1].#url");
            condition.append(" AND attribute_exists(#images[1].#url)");
        }
        update.append(" REMOVE ").append(element);
        if (only) {
            update.append(", #cover");
            condition.append(" AND attribute_not_exists(#images[1])");
        }
        update.append(" DELETE #ids :idSet");
        String preconditions = preconditionGuard(guard, names, values);
        if (preconditions != null) condition.append(" AND ").append(preconditions);
        UpdateItemRequest request = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(key(userId, collectionId))
                .updateExpression(update.toString())
                .conditionExpression(condition.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                // Appends may have landed since the read, so the count and version after this write
                // are not the read's minus and plus one: they come back with the write (ALL_NEW, for
                // the incarnation, which the write does not update).
                .returnValues(ReturnValue.ALL_NEW)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
        try {
            UpdateItemResponse response = call(() -> dynamoDb.updateItem(request));
            RequestMetrics.write(response.consumedCapacity());
            Map<String, AttributeValue> updated = response.attributes();
            return new RemoveAttempt.Removed(Integer.parseInt(updated.get(IMAGE_COUNT).n()), CollectionItems.tagOf(updated));
        } catch (ConditionalCheckFailedException e) {
            return new RemoveAttempt.Refused(readRefused(userId, collectionId).map(CollectionRepository::collectionOf));
        }
    }

    /** The outcome of one conditional delete. */
    public sealed interface DeleteAttempt {
        record Deleted() implements DeleteAttempt {}

        /** Nothing deleted: the tag the collection has (when {@code ifMatch} refused it), or empty if there is none. */
        record Refused(Optional<CollectionTag> current) implements DeleteAttempt {}
    }

    /** Deletes the collection in one {@code DeleteItem}, if it exists and its state is one {@code guard} accepts. */
    public DeleteAttempt deleteCollection(String userId, String collectionId, Preconditions guard) {
        Map<String, String> names = new HashMap<>();
        names.put("#pk", PARTITION_KEY);
        Map<String, AttributeValue> values = new HashMap<>();
        String condition = "attribute_exists(#pk)";
        String guarded = preconditionGuard(guard, names, values);
        if (guarded != null) condition += " AND " + guarded;
        DeleteItemRequest.Builder request = DeleteItemRequest.builder()
                .tableName(tableName)
                .key(key(userId, collectionId))
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        if (!values.isEmpty()) request.expressionAttributeValues(values);
        try {
            RequestMetrics.write(call(() -> dynamoDb.deleteItem(request.build())).consumedCapacity());
            return new DeleteAttempt.Deleted();
        } catch (ConditionalCheckFailedException e) {
            return new DeleteAttempt.Refused(readRefused(userId, collectionId).map(CollectionRepository::collectionOf)
                    .map(Collection::tag));
        }
    }

    /**
     * The whole item, strongly consistent, or empty when there is none: how a refused conditional
     * write learns why it was refused. Only ever on that path, so a write that applies stays one
     * call. (DynamoDB could return the item with the refusal, but dynalite, the engine the tests
     * and the local server run on, cannot; one read works on both.)
     */
    /** The collection's whole state, strongly consistent (a create that must not write, a guard too long for a condition). */
    public Optional<StoredState> readState(String userId, String collectionId) {
        return readRefused(userId, collectionId).map(CollectionRepository::stateOf);
    }

    private Optional<Map<String, AttributeValue>> readRefused(String userId, String collectionId) {
        GetItemRequest request = GetItemRequest.builder()
                .tableName(tableName)
                .key(key(userId, collectionId))
                .consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
        GetItemResponse response = call(() -> dynamoDb.getItem(request));
        RequestMetrics.read(response.consumedCapacity());
        Map<String, AttributeValue> item = response.item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
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
        return CollectionItems.fromItem(item);
    }

    private static Map<String, AttributeValue> key(String userId, String collectionId) {
        return Map.of(PARTITION_KEY, s(userId), SORT_KEY, s(collectionId));
    }

    private static AttributeValue imageList(List<ImageRef> images) {
        return CollectionItems.images(images);
    }

    private static AttributeValue idSet(List<ImageRef> images) {
        return CollectionItems.imageIds(images);
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
