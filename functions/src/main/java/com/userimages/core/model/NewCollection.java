package com.userimages.core.model;

import java.util.List;

/**
 * A validated create request: ids and timestamp normalized (generated where the client sent none),
 * and the digest of exactly the fields the client sent, which tells a replay from a conflict.
 */
public record NewCollection(String collectionId, String timestamp, List<ImageRef> images, String requestDigest) {
    public NewCollection {
        images = List.copyOf(images);
    }
}
