package com.userimages.core.http;

import com.userimages.core.json.JsonObject;
import com.userimages.core.json.JsonValue;
import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import com.userimages.core.model.Bounds;
import com.userimages.core.model.Ids;
import java.util.ArrayList;
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
    public List<String> parse(JsonObject body) {
        for (String name : body.names()) {
            if (!name.equals("imageIds")) throw bad(ErrorCode.UNKNOWN_FIELD, InputMessages.unknownName("body has an unknown field", name, Set.of("imageIds")));
        }
        JsonValue node = body.get("imageIds").orElse(JsonValue.NULL);
        if (node instanceof JsonValue.Null) throw bad(ErrorCode.INVALID_BODY, "imageIds is required.");
        if (!(node instanceof JsonValue.Array array)) throw bad(ErrorCode.INVALID_BODY, "imageIds must be an array.");
        List<JsonValue> elements = array.elements();
        if (elements.size() > bounds.maxImagesPerCollection()) {
            throw bad(ErrorCode.TOO_MANY_IMAGES, "A collection holds at most " + bounds.maxImagesPerCollection() + " images.");
        }
        List<String> ids = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            if (!(elements.get(i) instanceof JsonValue.Text id)) throw bad(ErrorCode.INVALID_BODY, "imageIds[" + i + "] must be a string.");
            ids.add(Ids.parse(id.value(), "imageIds[" + i + "]"));
        }
        return ids;
    }

    private static ApiException bad(ErrorCode code, String message) {
        return new ApiException.BadRequest(code, message);
    }
}
