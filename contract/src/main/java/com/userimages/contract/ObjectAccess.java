package com.userimages.contract;

import java.util.List;

/**
 * S3 actions a function calls on the images bucket's keys under one prefix (API.md, "Uploads"): its
 * role allows exactly these, on {@code bucket/prefix*}, and nothing on other keys. A presigned URL
 * works only if its signer may do the action itself, so a function that presigns a client's PUT or
 * GET needs that action too.
 *
 * @param prefix  a key prefix of the bucket, ending in {@code /}
 * @param actions object-level {@code s3:} actions, no wildcard
 */
public record ObjectAccess(String prefix, List<String> actions) {
    /** Where a client's PUT lands until an append checks it; the bucket expires what is left after a day. */
    public static final String UPLOADS_PREFIX = "uploads/";
    /** Checked copies, each held by a collection's element. */
    public static final String IMAGES_PREFIX = "images/";

    public ObjectAccess {
        if (prefix == null || prefix.isEmpty() || !prefix.endsWith("/") || prefix.contains("*")) {
            throw new IllegalArgumentException("a key prefix ending in '/', without wildcard, was '" + prefix + "'");
        }
        if (actions == null || actions.isEmpty()) throw new IllegalArgumentException("no actions on " + prefix);
        for (String action : actions) {
            if (!action.startsWith("s3:") || action.contains("*")) {
                throw new IllegalArgumentException("an s3: action without wildcard, was '" + action + "' on " + prefix);
            }
        }
        actions = List.copyOf(actions);
    }

    public static ObjectAccess on(String prefix, String... actions) {
        return new ObjectAccess(prefix, List.of(actions));
    }

    /** The keys this grants, relative to the bucket: the prefix and everything under it. */
    public String keyPattern() {
        return prefix + "*";
    }
}
