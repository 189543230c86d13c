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
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
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
    /**
     * Every name placeholder of the repository's expressions, each bound to one attribute for all of
     * them: an expression declares those its text uses, so a request carries no unused one.
     */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("#pk", PARTITION_KEY),
            Map.entry("#sk", SORT_KEY),
            Map.entry("#ts", TIMESTAMP_INDEX_SORT_KEY),
            Map.entry("#images", IMAGES),
            Map.entry("#imageId", IMAGE_ID),
            Map.entry("#url", URL),
            Map.entry("#ids", IMAGE_IDS),
            Map.entry("#count", IMAGE_COUNT),
            Map.entry("#size", SIZE_BYTES),
            Map.entry("#cover", COVER_URL),
            Map.entry("#version", VERSION),
            Map.entry("#inc", INCARNATION));

    private static final DynamoExpression EXISTS = expression("attribute_exists(#pk)").build();
    private static final DynamoExpression ABSENT = expression("attribute_not_exists(#pk)").build();
    /** Every write that changes a collection: an item stored before versions existed counts as version 1. */
    private static final DynamoExpression BUMP_VERSION = expression("#version = if_not_exists(#version, :one) + :one")
            .putExpressionValue(":one", n(1)).build();
    /** What {@link #get} reads: the collection without its bookkeeping. */
    private static final DynamoExpression COLLECTION_PROJECTION = expression("#sk, #ts, #images, #version, #inc").build();

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

    /** A create refused this often by an item that a read then no longer finds is answered 409: it keeps being deleted and created. */
    static final int MAX_CREATE_ATTEMPTS = 3;

    /**
     * Writes a new collection, under a newly chosen incarnation, unless one with that id exists.
     * When one does, its state comes from a strongly consistent read made only after the refusal
     * (the write itself returns nothing about the item: not every engine can). An item deleted
     * between the refusal and the read means the id is free again, so the write is tried again.
     */
    public CreateOutcome putIfAbsent(String userId, NewCollection collection, long sizeBytes) {
        String incarnation = incarnations.next();
        Map<String, AttributeValue> item = CollectionItems.toItem(userId, collection, sizeBytes, incarnation);
        PutItemRequest request = PutItemRequest.builder()
                .tableName(tableName)
                .item(item)
                .conditionExpression(ABSENT.expression())
                .expressionAttributeNames(ABSENT.expressionNames())
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
        for (int attempt = 1; ; attempt++) {
            try {
                RequestMetrics.write(call(() -> dynamoDb.putItem(request)).consumedCapacity());
                return new CreateOutcome.Created(new Collection(collection.collectionId(), collection.timestamp(),
                        collection.images(), new CollectionTag(Collection.FIRST_VERSION, incarnation)));
            } catch (ConditionalCheckFailedException e) {
                Optional<Map<String, AttributeValue>> existing = readRefused(userId, collection.collectionId());
                if (existing.isPresent()) return new CreateOutcome.Exists(stateOf(existing.get()));
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
                .projectionExpression(COLLECTION_PROJECTION.expression())
                .expressionAttributeNames(COLLECTION_PROJECTION.expressionNames())
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .build();
        GetItemResponse response = call(() -> dynamoDb.getItem(request));
        RequestMetrics.read(response.consumedCapacity());
        Map<String, AttributeValue> item = response.item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(collectionOf(item));
    }

    /**
     * Appends images in one conditional {@code UpdateItem}, only while the collection's state is one
     * {@code guard} accepts. The condition holds the collection's bounds (no arithmetic is allowed in
     * conditions, so the right-hand sides are computed here) and refuses if any of the ids is already
     * there; the caller decides what a refusal means.
     */
    public AppendOutcome appendImages(String userId, String collectionId, List<ImageRef> images, long addedBytes,
                                      int maxImages, long maxBytes, Preconditions guard) {
        DynamoExpression set = expression("SET #images = list_append(#images, :new), #count = #count + :n, "
                + "#size = #size + :delta, #cover = if_not_exists(#cover, :first)")
                .putExpressionValue(":new", imageList(images))
                .putExpressionValue(":n", n(images.size()))
                .putExpressionValue(":delta", n(addedBytes))
                .putExpressionValue(":first", s(images.getFirst().url()))
                .build();
        DynamoExpression addIds = expression("ADD #ids :idSet").putExpressionValue(":idSet", idSet(images)).build();
        DynamoExpression update = DynamoExpression.join(" ", DynamoExpression.join(", ", set, BUMP_VERSION), addIds);
        DynamoExpression withinBounds = expression("#count <= :maxMinusN AND #size <= :maxMinusDelta")
                .putExpressionValue(":maxMinusN", n(maxImages - images.size()))
                .putExpressionValue(":maxMinusDelta", n(maxBytes - addedBytes))
                .build();
        // One OR-ed NOT: a hundred separate NOT contains(...) terms would pass DynamoDB's 300-operator limit.
        List<DynamoExpression> present = new ArrayList<>(images.size());
        for (int i = 0; i < images.size(); i++) {
            present.add(expression("contains(#ids, :a" + i + ")").putExpressionValue(":a" + i, s(images.get(i).imageId())).build());
        }
        DynamoExpression noneThere = DynamoExpression.join(" OR ", present).parenthesized().not();
        DynamoExpression condition = DynamoExpression.and(EXISTS, withinBounds, noneThere, preconditionGuard(guard));
        // The new count, version and incarnation come back with the write itself (no second read);
        // ALL_NEW, because the incarnation is not among what the write updates. The whole item costs
        // transfer, no capacity.
        return updateIf(userId, collectionId, update, condition, true)
                .<AppendOutcome>map(updated -> new AppendOutcome.Appended(Integer.parseInt(updated.get(IMAGE_COUNT).n()),
                        CollectionItems.tagOf(updated)))
                .orElseGet(() -> new AppendOutcome.Refused(readRefused(userId, collectionId).map(CollectionRepository::stateOf).orElse(null)));
    }

    /**
     * One conditional {@code UpdateItem} of the collection: the item after it when it applied (with
     * {@code returnNew}, {@code ALL_NEW}; else empty attributes), empty when its condition refused it.
     */
    private Optional<Map<String, AttributeValue>> updateIf(String userId, String collectionId, DynamoExpression update,
                                                           DynamoExpression condition, boolean returnNew) {
        UpdateItemRequest.Builder request = UpdateItemRequest.builder()
                .tableName(tableName)
                .key(key(userId, collectionId))
                .updateExpression(update.expression())
                .conditionExpression(condition.expression())
                .expressionAttributeNames(DynamoExpression.namesOf(update, condition))
                .expressionAttributeValues(DynamoExpression.valuesOf(update, condition))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        if (returnNew) request.returnValues(ReturnValue.ALL_NEW);
        try {
            UpdateItemResponse response = call(() -> dynamoDb.updateItem(request.build()));
            RequestMetrics.write(response.consumedCapacity());
            return Optional.of(response.attributes());
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * One eventually consistent Query on the caller's slice of the {@code byTimestamp} LSI: the
     * from/to range as the key condition, the image-count filter only when it filters anything, and
     * {@code limit} entries evaluated at most (DynamoDB counts them before the filter).
     * {@code exclusiveStart} is null for the first call of a walk.
     */
    public TimestampIndexSlice queryByTimestamp(String userId, ListSelection query, IndexKey exclusiveStart, int limit) {
        DynamoExpression.Builder range = expression(query.from() == null && query.to() == null ? "#pk = :pk"
                : query.from() == null ? "#pk = :pk AND #ts <= :to"
                : query.to() == null ? "#pk = :pk AND #ts >= :from"
                : "#pk = :pk AND #ts BETWEEN :from AND :to")
                .putExpressionValue(":pk", s(userId));
        if (query.from() != null) range.putExpressionValue(":from", s(query.from()));
        if (query.to() != null) range.putExpressionValue(":to", s(query.to()));
        DynamoExpression keyCondition = range.build();
        DynamoExpression filter = query.minImages() > 0
                ? expression("#count >= :min").putExpressionValue(":min", n(query.minImages())).build()
                : DynamoExpression.EMPTY;
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(tableName)
                .indexName(TIMESTAMP_INDEX)
                .keyConditionExpression(keyCondition.expression())
                .scanIndexForward(query.order().forward())
                .limit(limit)
                .consistentRead(false)
                // Only what the index holds: asking for anything else would fetch whole items from the table.
                .select(Select.ALL_PROJECTED_ATTRIBUTES)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        if (!filter.isEmpty()) request.filterExpression(filter.expression());
        if (exclusiveStart != null) {
            request.exclusiveStartKey(Map.of(
                    PARTITION_KEY, s(userId),
                    SORT_KEY, s(exclusiveStart.collectionId()),
                    TIMESTAMP_INDEX_SORT_KEY, s(exclusiveStart.timestamp())));
        }
        request.expressionAttributeNames(DynamoExpression.namesOf(keyCondition, filter))
                .expressionAttributeValues(DynamoExpression.valuesOf(keyCondition, filter));

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
        return new TimestampIndexSlice(items, last, response.scannedCount());
    }

    /**
     * The condition that the item's state is one {@code guard} accepts, or empty for any state: the
     * {@code If-Match} states, and none of the {@code If-None-Match} ones ({@code *}: no item at all,
     * which no write of an existing collection can meet).
     */
    private static DynamoExpression preconditionGuard(Preconditions guard) {
        DynamoExpression ifMatch = guard.ifMatch().map(m -> tagGuard(m, "m")).orElse(DynamoExpression.EMPTY);
        DynamoExpression ifNoneMatch = guard.ifNoneMatch().map(m -> {
            if (m instanceof VersionMatch.Any) return ABSENT;
            // Naming nothing, If-None-Match holds for every state.
            if (!(m instanceof VersionMatch.OneOf oneOf) || oneOf.tags().isEmpty()) return DynamoExpression.EMPTY;
            return tagGuard(m, "n").not();
        }).orElse(DynamoExpression.EMPTY);
        return ifMatch.and(ifNoneMatch);
    }

    /**
     * The condition that the item's state is one {@code match} names, or empty for any state.
     * Version 1 is also an item without the attribute, incarnation {@code 0} an item without that
     * one; an empty set names nothing. The tags are grouped by incarnation (a client's list almost
     * always holds one), each group one {@code IN} of versions, so a long list stays a short
     * expression. Its values go under {@code prefix}, so two guards can share a request. Every value
     * is a placeholder: the tags come from a header.
     */
    private static DynamoExpression tagGuard(VersionMatch match, String prefix) {
        if (!(match instanceof VersionMatch.OneOf oneOf)) return DynamoExpression.EMPTY;
        if (oneOf.tags().isEmpty()) return ABSENT;
        Map<String, TreeSet<Long>> byIncarnation = new TreeMap<>();
        for (CollectionTag tag : oneOf.tags()) byIncarnation.computeIfAbsent(tag.incarnation(), k -> new TreeSet<>()).add(tag.version());
        List<DynamoExpression> groups = new ArrayList<>();
        int g = 0;
        int v = 0;
        for (Map.Entry<String, TreeSet<Long>> group : byIncarnation.entrySet()) {
            DynamoExpression incarnation;
            if (group.getKey().equals(Incarnations.LEGACY)) {
                incarnation = expression("attribute_not_exists(#inc)").build();
            } else {
                String placeholder = ":" + prefix + "i" + g;
                incarnation = expression("#inc = " + placeholder).putExpressionValue(placeholder, s(group.getKey())).build();
            }
            List<String> placeholders = new ArrayList<>();
            Map<String, AttributeValue> versionValues = new LinkedHashMap<>();
            for (long version : group.getValue()) {
                String placeholder = ":" + prefix + "v" + v++;
                versionValues.put(placeholder, n(version));
                placeholders.add(placeholder);
            }
            DynamoExpression.Builder inGroup = expression(placeholders.size() == 1 ? "#version = " + placeholders.getFirst()
                    : "#version IN (" + String.join(", ", placeholders) + ")");
            versionValues.forEach(inGroup::putExpressionValue);
            DynamoExpression versions = inGroup.build();
            if (group.getValue().contains(Collection.FIRST_VERSION)) {
                versions = DynamoExpression.join(" OR ", expression("attribute_not_exists(#version)").build(), versions).parenthesized();
            }
            groups.add(incarnation.and(versions));
            g++;
        }
        // DynamoDB refuses redundant parentheses: a group is wrapped only when it is one of several.
        if (groups.size() == 1) return groups.getFirst().parenthesized();
        return DynamoExpression.join(" OR ", groups.stream().map(DynamoExpression::parenthesized).toList()).parenthesized();
    }

    /**
     * Replaces the images list (and the cover) with the same images in another order, in one
     * {@code UpdateItem} guarded by the version that was read: any change since makes it fail
     * instead of losing that change. Count, ids and size are unchanged by a reorder.
     */
    public ReorderOutcome replaceImages(String userId, String collectionId, List<ImageRef> images, CollectionTag read) {
        if (images.isEmpty()) throw new IllegalArgumentException("an empty collection has no order to change");
        DynamoExpression set = expression("SET #images = :images, #cover = :cover")
                .putExpressionValue(":images", imageList(images))
                .putExpressionValue(":cover", s(images.getFirst().url()))
                .build();
        DynamoExpression update = DynamoExpression.join(", ", set, BUMP_VERSION);
        DynamoExpression condition = EXISTS.and(tagGuard(VersionMatch.oneOf(Set.of(read)), "r"));
        if (updateIf(userId, collectionId, update, condition, false).isPresent()) return new ReorderOutcome.Reordered(read.next());
        return new ReorderOutcome.Refused(readRefused(userId, collectionId).map(CollectionRepository::collectionOf));
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
    public RemoveImageOutcome removeImage(String userId, String collectionId, int index, ImageRef image, int readCount,
                                          Preconditions guard, long removedBytes) {
        if (index < 0 || index >= readCount) throw new IllegalArgumentException("index outside the collection as read");
        String element = "#images[" + index + "]";
        boolean firstOfSeveral = index == 0 && readCount > 1;
        boolean only = readCount == 1;
        // The cover changes (and so #cover is named: DynamoDB refuses unused names) only with the first image.
        DynamoExpression set = DynamoExpression.join(", ",
                expression("SET #count = #count - :one, #size = #size - :delta")
                        .putExpressionValue(":one", n(1))
                        .putExpressionValue(":delta", n(removedBytes))
                        .build(),
                BUMP_VERSION,
                firstOfSeveral ? expression("#cover = #images[1].#url").build() : DynamoExpression.EMPTY);
        DynamoExpression remove = expression("REMOVE " + element + (only ? ", #cover" : "")).build();
        DynamoExpression deleteId = expression("DELETE #ids :idSet")
                .putExpressionValue(":idSet", AttributeValue.fromSs(List.of(image.imageId())))
                .build();
        DynamoExpression update = DynamoExpression.join(" ", set, remove, deleteId);
        DynamoExpression pinned = expression(element + ".#imageId = :id AND " + element + ".#url = :url")
                .putExpressionValue(":id", s(image.imageId()))
                .putExpressionValue(":url", s(image.url()))
                .build();
        DynamoExpression coverGuard = firstOfSeveral ? expression("attribute_exists(#images[1].#url)").build()
                : only ? expression("attribute_not_exists(#images[1])").build()
                : DynamoExpression.EMPTY;
        DynamoExpression condition = DynamoExpression.and(EXISTS, pinned, coverGuard, preconditionGuard(guard));
        // Appends may have landed since the read, so the count and version after this write are not
        // the read's minus and plus one: they come back with the write (ALL_NEW, for the
        // incarnation, which the write does not update).
        return updateIf(userId, collectionId, update, condition, true)
                .<RemoveImageOutcome>map(updated -> new RemoveImageOutcome.Removed(Integer.parseInt(updated.get(IMAGE_COUNT).n()),
                        CollectionItems.tagOf(updated)))
                .orElseGet(() -> new RemoveImageOutcome.Refused(readRefused(userId, collectionId).map(CollectionRepository::collectionOf)));
    }

    /** Deletes the collection in one {@code DeleteItem}, if it exists and its state is one {@code guard} accepts. */
    public DeleteOutcome deleteCollection(String userId, String collectionId, Preconditions guard) {
        DynamoExpression condition = EXISTS.and(preconditionGuard(guard));
        DeleteItemRequest.Builder request = DeleteItemRequest.builder()
                .tableName(tableName)
                .key(key(userId, collectionId))
                .conditionExpression(condition.expression())
                .expressionAttributeNames(condition.expressionNames())
                // The item as it was, at no extra cost: its uploaded images' objects go after the delete.
                .returnValues(ReturnValue.ALL_OLD)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL);
        // DynamoDB refuses an empty map of values: a delete without tags to match sends none.
        if (!condition.expressionValues().isEmpty()) request.expressionAttributeValues(condition.expressionValues());
        try {
            DeleteItemResponse deleted = call(() -> dynamoDb.deleteItem(request.build()));
            RequestMetrics.write(deleted.consumedCapacity());
            return new DeleteOutcome.Deleted(CollectionItems.fromItem(deleted.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return new DeleteOutcome.Refused(readRefused(userId, collectionId).map(CollectionRepository::collectionOf)
                    .map(Collection::tag));
        }
    }

    /** The collection's whole state, strongly consistent (a create that must not write, a guard too long for a condition). */
    public Optional<StoredCollection> readState(String userId, String collectionId) {
        return readRefused(userId, collectionId).map(CollectionRepository::stateOf);
    }

    /**
     * The whole item, strongly consistent, or empty when there is none: how a refused conditional
     * write learns why it was refused. Only ever on that path, so a write that applies stays one
     * call. (DynamoDB could return the item with the refusal, but dynalite, the engine the tests
     * and the local server run on, cannot; one read works on both.)
     */
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

    private static StoredCollection stateOf(Map<String, AttributeValue> item) {
        Collection collection = collectionOf(item);
        Map<String, String> urlsById = new LinkedHashMap<>();
        for (ImageRef image : collection.images()) urlsById.put(image.imageId(), image.url());
        AttributeValue digest = item.get(REQUEST_DIGEST);
        return new StoredCollection(
                Integer.parseInt(item.get(IMAGE_COUNT).n()),
                Long.parseLong(item.get(SIZE_BYTES).n()),
                urlsById,
                digest == null ? null : digest.s(),
                collection);
    }

    private static Collection collectionOf(Map<String, AttributeValue> item) {
        return CollectionItems.fromItem(item);
    }

    /** An expression builder for {@code text}, with the names it uses from {@link #NAMES} declared. */
    private static DynamoExpression.Builder expression(String text) {
        return DynamoExpression.builder().expression(text).expressionNamesFrom(NAMES);
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
