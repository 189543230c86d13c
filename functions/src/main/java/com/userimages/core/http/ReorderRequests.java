package com.userimages.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.userimages.core.error.ApiException;
import com.userimages.core.model.Bounds;
import com.userimages.core.model.Ids;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Validates the body of {@code PUT /collections/{id}/order}: exactly {@code {"imageIds": [uuid, …]}},
 * at most {@code MAX_IMAGES_PER_COLLECTION} ids (no collection holds more). Repeated ids are well-formed
 * here: whether the list is the collection's set of ids is the service's question (409).
 */
public final class ReorderRequests {
    private final Bounds bounds;

    public ReorderRequests(Bounds bounds) {
        this.bounds = bounds;
    }

    /** The ids in the new order, lower-cased. */
    public List<String> parse(ObjectNode body) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!name.equals("imageIds")) throw bad("UNKNOWN_FIELD", InputMessages.unknownName("body has an unknown field", name, Set.of("imageIds")));
        }
        JsonNode node = body.get("imageIds");
        if (node == null || node.isNull()) throw bad("INVALID_BODY", "imageIds is required.");
        if (!node.isArray()) throw bad("INVALID_BODY", "imageIds must be an array.");
        if (node.size() > bounds.maxImagesPerCollection()) {
            throw bad("TOO_MANY_IMAGES", "A collection holds at most " + bounds.maxImagesPerCollection() + " images.");
        }
        List<String> ids = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode id = node.get(i);
            if (!id.isTextual()) throw bad("INVALID_BODY", "imageIds[" + i + "] must be a string.");
            ids.add(Ids.parse(id.textValue(), "imageIds[" + i + "]"));
        }
        return ids;
    }

    private static ApiException bad(String code, String message) {
        return new ApiException.BadRequest(code, message);
    }
}
