package com.userimages.core.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.userimages.core.model.AppendResult;
import com.userimages.core.model.Collection;
import com.userimages.core.model.ImageInCollection;
import com.userimages.core.model.ImageRef;

/** The JSON shapes of API.md's success responses. */
public final class ResponseBodies {
    private ResponseBodies() {}

    public static ObjectNode collection(Collection collection) {
        ObjectNode body = Json.object();
        body.put("imagesCollectionId", collection.collectionId());
        body.put("timestamp", collection.timestamp());
        body.put("imageCount", collection.imageCount());
        ArrayNode images = body.putArray("images");
        for (ImageRef image : collection.images()) {
            images.addObject().put("imageId", image.imageId()).put("url", image.url());
        }
        return body;
    }

    public static ObjectNode appendResult(AppendResult result) {
        ObjectNode body = Json.object();
        body.put("imagesCollectionId", result.collectionId());
        body.put("appended", result.appended());
        body.put("imageCount", result.imageCount());
        return body;
    }

    public static ObjectNode image(ImageInCollection image) {
        ObjectNode body = Json.object();
        body.put("imagesCollectionId", image.collectionId());
        body.put("imageId", image.imageId());
        body.put("url", image.url());
        body.put("position", image.position());
        return body;
    }
}
