package com.userimages.core.data;

import com.userimages.contract.UserImagesTable;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.Incarnations;
import com.userimages.core.model.NewCollection;
import com.userimages.core.model.Urls;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A conservative estimate of a collection's size as DynamoDB counts it (attribute names plus
 * values, list/map overheads), plus its LSI entry. Every term rounds up, so the stored estimate is
 * never below the real size: the write condition {@code sizeBytes <= max - delta} then keeps
 * concurrent appends under the 400 KB item limit without reading first.
 */
public final class ItemSizeEstimator {
    /** DynamoDB's item size limit. */
    public static final long MAX_ITEM_BYTES = 400 * 1024;

    private static final int NUMBER_BYTES = 21;          // the largest a number attribute can take
    private static final int CONTAINER_OVERHEAD = 3;     // per list or map
    private static final int ELEMENT_OVERHEAD = 1;       // per list or map element
    private static final int SLACK_PER_ITEM = 100;       // per stored entry (item, index entry), for anything unaccounted

    private ItemSizeEstimator() {}

    /** The whole new item and its LSI entry. The cover url is reserved at its maximum length. */
    public static long newCollection(String userId, NewCollection collection) {
        long keys = attr(UserImagesTable.PARTITION_KEY) + utf8(userId)
                + attr(UserImagesTable.SORT_KEY) + utf8(collection.collectionId())
                + attr(UserImagesTable.TIMESTAMP_INDEX_SORT_KEY) + utf8(collection.timestamp());
        // The cover url is set by whichever write adds the first image; reserving its maximum once
        // here means an append never has to know whether the collection was empty.
        long coverReserve = attr(UserImagesTable.COVER_URL) + Urls.MAX_LENGTH;
        long item = keys
                + attr(UserImagesTable.IMAGES) + CONTAINER_OVERHEAD
                + attr(UserImagesTable.IMAGE_IDS)
                + attr(UserImagesTable.IMAGE_COUNT) + NUMBER_BYTES
                + coverReserve
                + attr(UserImagesTable.REQUEST_DIGEST) + utf8(collection.requestDigest())
                + attr(UserImagesTable.SIZE_BYTES) + NUMBER_BYTES
                // Collections stored before versions existed get theirs from their next write, within the slack.
                + attr(UserImagesTable.VERSION) + NUMBER_BYTES
                + attr(UserImagesTable.INCARNATION) + Incarnations.LENGTH
                + SLACK_PER_ITEM;
        long indexEntry = keys + attr(UserImagesTable.IMAGE_COUNT) + NUMBER_BYTES + coverReserve + SLACK_PER_ITEM;
        return item + indexEntry + images(collection.images());
    }

    /** What appending these images adds: list elements and string-set members. */
    public static long images(List<ImageRef> images) {
        long total = 0;
        for (ImageRef image : images) {
            long element = ELEMENT_OVERHEAD + CONTAINER_OVERHEAD
                    + ELEMENT_OVERHEAD + attr(UserImagesTable.IMAGE_ID) + utf8(image.imageId())
                    + ELEMENT_OVERHEAD + attr(UserImagesTable.URL) + utf8(image.url());
            if (image.isUpload()) {
                element += ELEMENT_OVERHEAD + attr(UserImagesTable.IMAGE_CONTENT_TYPE) + utf8(image.upload().contentType())
                        + ELEMENT_OVERHEAD + attr(UserImagesTable.IMAGE_BYTES) + NUMBER_BYTES;
            }
            long setMember = utf8(image.imageId()) + ELEMENT_OVERHEAD;
            total += element + setMember;
        }
        return total;
    }

    private static long attr(String name) {
        return utf8(name);
    }

    private static long utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
