package com.userimages.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A collection a test has just created through the API ({@link TestCollections}), with what its
 * assertions name: its images' ids in order, the incarnation its ETags carry, and the item as the
 * create stored it, to show that a refused request changed nothing.
 */
public record CreatedCollection(String user, String id, List<String> imageIds, String incarnation,
                                Map<String, AttributeValue> storedAtCreate) {
    public CreatedCollection {
        imageIds = List.copyOf(imageIds);
        storedAtCreate = Map.copyOf(storedAtCreate);
    }

    /** The collection the user has just created under this id with images of these ids, as stored. */
    static CreatedCollection readBack(String user, String id, List<String> imageIds) {
        Map<String, AttributeValue> item = CollectionAudit.item(user, id).orElseThrow(() -> new AssertionError("not stored: " + id));
        return new CreatedCollection(user, id, imageIds, ETags.incarnation(item), item);
    }

    public String imageId(int position) {
        return imageIds.get(position);
    }

    /** The quoted ETag of this version under the collection's incarnation. */
    public String etag(long version) {
        return ETags.of(version, incarnation);
    }

    /** Asserts that the stored item is still the one the create wrote. */
    public void assertUnchanged() {
        assertEquals(storedAtCreate, CollectionAudit.item(user, id).orElse(Map.of()), "nothing changed since the create");
    }
}
