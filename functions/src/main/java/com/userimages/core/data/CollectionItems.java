package com.userimages.core.data;

import static com.userimages.contract.UserImagesTable.COVER_URL;
import static com.userimages.contract.UserImagesTable.IMAGES;
import static com.userimages.contract.UserImagesTable.IMAGE_BYTES;
import static com.userimages.contract.UserImagesTable.IMAGE_CONTENT_TYPE;
import static com.userimages.contract.UserImagesTable.IMAGE_COUNT;
import static com.userimages.contract.UserImagesTable.IMAGE_ID;
import static com.userimages.contract.UserImagesTable.IMAGE_IDS;
import static com.userimages.contract.UserImagesTable.INCARNATION;
import static com.userimages.contract.UserImagesTable.PARTITION_KEY;
import static com.userimages.contract.UserImagesTable.REQUEST_DIGEST;
import static com.userimages.contract.UserImagesTable.SIZE_BYTES;
import static com.userimages.contract.UserImagesTable.SORT_KEY;
import static com.userimages.contract.UserImagesTable.TIMESTAMP_INDEX_SORT_KEY;
import static com.userimages.contract.UserImagesTable.URL;
import static com.userimages.contract.UserImagesTable.VERSION;

import com.userimages.core.model.Collection;
import com.userimages.core.model.CollectionTag;
import com.userimages.core.model.Incarnations;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.UploadedFile;
import com.userimages.core.model.NewCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stored shape of a collection, in one place: what {@link CollectionRepository} writes and reads,
 * and what tests seed in bulk, so the two cannot drift apart.
 */
public final class CollectionItems {
    private CollectionItems() {}

    /**
     * The item a new collection is stored as; {@code sizeBytes} is its {@link ItemSizeEstimator} size,
     * {@code incarnation} the one chosen for it ({@link Incarnations#next}).
     */
    public static Map<String, AttributeValue> toItem(String userId, NewCollection collection, long sizeBytes,
                                                     String incarnation) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PARTITION_KEY, AttributeValue.fromS(userId));
        item.put(SORT_KEY, AttributeValue.fromS(collection.collectionId()));
        item.put(TIMESTAMP_INDEX_SORT_KEY, AttributeValue.fromS(collection.timestamp()));
        item.put(IMAGES, images(collection.images()));
        item.put(IMAGE_COUNT, AttributeValue.fromN(Integer.toString(collection.images().size())));
        item.put(REQUEST_DIGEST, AttributeValue.fromS(collection.requestDigest()));
        item.put(SIZE_BYTES, AttributeValue.fromN(Long.toString(sizeBytes)));
        item.put(VERSION, AttributeValue.fromN(Long.toString(Collection.FIRST_VERSION)));
        item.put(INCARNATION, AttributeValue.fromS(incarnation));
        if (!collection.images().isEmpty()) {
            // DynamoDB has no empty set and no empty cover: both are absent until there is an image.
            item.put(IMAGE_IDS, imageIds(collection.images()));
            item.put(COVER_URL, AttributeValue.fromS(collection.images().getFirst().url()));
        }
        return item;
    }

    /** The collection a stored item (or the projection of its id, timestamp, images, version and incarnation) holds. */
    public static Collection fromItem(Map<String, AttributeValue> item) {
        List<AttributeValue> list = item.get(IMAGES).l();
        List<ImageRef> images = new ArrayList<>(list.size());
        for (AttributeValue element : list) {
            Map<String, AttributeValue> m = element.m();
            AttributeValue type = m.get(IMAGE_CONTENT_TYPE);
            UploadedFile upload = type == null ? null : new UploadedFile(type.s(), Long.parseLong(m.get(IMAGE_BYTES).n()));
            images.add(new ImageRef(m.get(IMAGE_ID).s(), m.get(URL).s(), upload));
        }
        return new Collection(item.get(SORT_KEY).s(), item.get(TIMESTAMP_INDEX_SORT_KEY).s(), images, tagOf(item));
    }

    /**
     * The item's tag. Stored before versions existed: version 1; before incarnations existed:
     * incarnation {@code 0} (API.md, "Data model"); no write ever adds either afterwards but the version.
     */
    static CollectionTag tagOf(Map<String, AttributeValue> item) {
        AttributeValue version = item.get(VERSION);
        AttributeValue incarnation = item.get(INCARNATION);
        return new CollectionTag(version == null ? Collection.FIRST_VERSION : Long.parseLong(version.n()),
                incarnation == null ? Incarnations.LEGACY : incarnation.s());
    }

    /** The images list attribute, in order. */
    static AttributeValue images(List<ImageRef> images) {
        List<AttributeValue> list = new ArrayList<>(images.size());
        for (ImageRef image : images) {
            list.add(AttributeValue.fromM(image.isUpload()
                    ? Map.of(IMAGE_ID, AttributeValue.fromS(image.imageId()), URL, AttributeValue.fromS(image.url()),
                            IMAGE_CONTENT_TYPE, AttributeValue.fromS(image.upload().contentType()),
                            IMAGE_BYTES, AttributeValue.fromN(Long.toString(image.upload().bytes())))
                    : Map.of(IMAGE_ID, AttributeValue.fromS(image.imageId()), URL, AttributeValue.fromS(image.url()))));
        }
        return AttributeValue.fromL(list);
    }

    /** The string set of image ids the append condition tests for duplicates. */
    static AttributeValue imageIds(List<ImageRef> images) {
        return AttributeValue.fromSs(images.stream().map(ImageRef::imageId).toList());
    }
}
