package com.userimages.core.data;

import com.userimages.core.model.Collection;
import java.util.Map;

/**
 * A collection's whole stored state, from a strongly consistent read: what a refused conditional
 * write learns the item held, or what a write that must not happen yet is decided on.
 * {@code requestDigest} is null (nullable) for an item stored without one.
 */
public record StoredCollection(int imageCount, long sizeBytes, Map<String, String> urlsById, String requestDigest,
                               Collection collection) {}
