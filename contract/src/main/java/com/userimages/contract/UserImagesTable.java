package com.userimages.contract;

import java.util.List;

/** The table's schema (API.md, "Data model"): key and attribute names, the index and its projection. */
public final class UserImagesTable {
    public static final String DEFAULT_TABLE_NAME = "user_images";

    public static final String PARTITION_KEY = "userId";
    public static final String SORT_KEY = "imagesCollectionId";
    public static final String TIMESTAMP_INDEX = "byTimestamp";
    public static final String TIMESTAMP_INDEX_SORT_KEY = "timestamp";

    public static final String IMAGES = "images";
    public static final String IMAGE_ID = "imageId";
    public static final String URL = "url";
    /** An uploaded image's element also has its stored type and size (API.md, "Data model"). */
    public static final String IMAGE_CONTENT_TYPE = "contentType";
    public static final String IMAGE_BYTES = "bytes";
    public static final String IMAGE_IDS = "imageIds";
    public static final String IMAGE_COUNT = "imageCount";
    public static final String COVER_URL = "coverUrl";
    public static final String REQUEST_DIGEST = "requestDigest";
    public static final String SIZE_BYTES = "sizeBytes";
    /** N: 1 when created, plus 1 per change; absent on collections stored before versions existed (= 1). */
    public static final String VERSION = "version";
    /** S: 8 random base32 characters chosen at create; absent on collections stored before it existed (= "0"). */
    public static final String INCARNATION = "incarnation";

    /** Non-key attributes the LSI projects (INCLUDE): what a listing returns, nothing more. */
    public static final List<String> TIMESTAMP_INDEX_PROJECTION = List.of(IMAGE_COUNT, COVER_URL);

    private UserImagesTable() {}
}
