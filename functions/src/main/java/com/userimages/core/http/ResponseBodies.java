package com.userimages.core.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.userimages.core.model.AppendResult;
import com.userimages.core.model.Collection;
import com.userimages.core.model.ImageInCollection;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.ListedCollection;
import com.userimages.core.model.RemoveResult;
import com.userimages.core.pagination.ListPage;

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

    public static ObjectNode removeResult(RemoveResult result) {
        ObjectNode body = Json.object();
        body.put("imagesCollectionId", result.collectionId());
        body.put("removed", result.removed());
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

    public static ObjectNode listPage(ListPage page) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (ListedCollection c : page.items()) {
            ObjectNode item = items.addObject()
                    .put("imagesCollectionId", c.collectionId())
                    .put("timestamp", c.timestamp())
                    .put("imageCount", c.imageCount());
            // Always present, null while the collection is empty: clients read one shape.
            if (c.coverUrl() == null) item.putNull("coverUrl");
            else item.put("coverUrl", c.coverUrl());
        }
        body.put("count", page.items().size());
        ObjectNode pagination = body.putObject("pagination");
        pagination.put("limit", page.limit());
        if (page.nextToken() == null) pagination.putNull("nextToken");
        else pagination.put("nextToken", page.nextToken());
        pagination.put("partial", page.partial());
        return body;
    }
}
