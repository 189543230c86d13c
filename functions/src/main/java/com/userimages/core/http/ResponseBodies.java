package com.userimages.core.http;

import com.userimages.core.json.JsonOutput;
import com.userimages.core.json.JsonBody;
import com.userimages.core.model.AppendResult;
import com.userimages.core.model.Collection;
import com.userimages.core.model.ImageInCollection;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.ListedCollection;
import com.userimages.core.model.RemoveResult;
import com.userimages.core.model.Timestamps;
import com.userimages.core.pagination.ListPage;
import com.userimages.core.service.UploadSlot;

/** The JSON shapes of API.md's success responses, written field by field with Jackson's streaming generator. */
public final class ResponseBodies {
    private ResponseBodies() {}

    public static JsonBody collection(Collection collection) {
        return new JsonBody(JsonOutput.write(g -> {
            g.writeStartObject();
            g.writeStringField("imagesCollectionId", collection.collectionId());
            g.writeStringField("timestamp", collection.timestamp());
            g.writeNumberField("imageCount", collection.imageCount());
            g.writeArrayFieldStart("images");
            for (ImageRef image : collection.images()) {
                g.writeStartObject();
                g.writeStringField("imageId", image.imageId());
                g.writeStringField("url", image.url());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    /** create-table's answer: {@code {"table", "status", "created"?}} ({@code created} only once ACTIVE). */
    public static JsonBody tableState(String table, boolean active, boolean created) {
        return new JsonBody(JsonOutput.write(g -> {
            g.writeStartObject();
            g.writeStringField("table", table);
            g.writeStringField("status", active ? "ACTIVE" : "CREATING");
            if (active) g.writeBooleanField("created", created);
            g.writeEndObject();
        }));
    }

    public static JsonBody appendResult(AppendResult result) {
        return imagesChanged(result.collectionId(), "appended", result.appended(), result.imageCount());
    }

    public static JsonBody removeResult(RemoveResult result) {
        return imagesChanged(result.collectionId(), "removed", result.removed(), result.imageCount());
    }

    /** An append's or a delete's answer: the collection, how many images the request changed, how many it holds now. */
    private static JsonBody imagesChanged(String collectionId, String changedField, int changed, int imageCount) {
        return new JsonBody(JsonOutput.write(g -> {
            g.writeStartObject();
            g.writeStringField("imagesCollectionId", collectionId);
            g.writeNumberField(changedField, changed);
            g.writeNumberField("imageCount", imageCount);
            g.writeEndObject();
        }));
    }

    public static JsonBody image(ImageInCollection image) {
        return new JsonBody(JsonOutput.write(g -> {
            g.writeStartObject();
            g.writeStringField("imagesCollectionId", image.collectionId());
            g.writeStringField("imageId", image.imageId());
            g.writeStringField("url", image.url());
            g.writeNumberField("position", image.position());
            g.writeEndObject();
        }));
    }

    public static JsonBody listPage(ListPage page) {
        return new JsonBody(JsonOutput.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("items");
            for (ListedCollection c : page.items()) {
                g.writeStartObject();
                g.writeStringField("imagesCollectionId", c.collectionId());
                g.writeStringField("timestamp", c.timestamp());
                g.writeNumberField("imageCount", c.imageCount());
                // Always present, null while the collection is empty: clients read one shape.
                g.writeStringField("coverUrl", c.coverUrl());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("count", page.items().size());
            g.writeObjectFieldStart("pagination");
            g.writeNumberField("limit", page.limit());
            g.writeStringField("nextToken", page.nextToken()); // null on the last page
            g.writeBooleanField("partial", page.partial());
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    /**
     * An upload slot (201): where and how to PUT the bytes. Only {@code Content-Type} is listed among
     * the headers to send: the signature covers {@code Content-Length} too, which every HTTP client
     * sets from the body itself.
     */
    public static JsonBody uploadSlot(UploadSlot slot) {
        return new JsonBody(JsonOutput.write(g -> {
            g.writeStartObject();
            g.writeStringField("imageId", slot.imageId());
            g.writeStringField("uploadId", slot.uploadId());
            g.writeStringField("uploadUrl", slot.put().url().toString());
            g.writeStringField("method", slot.put().method());
            g.writeObjectFieldStart("headers");
            g.writeStringField("Content-Type", slot.put().headers().get("Content-Type"));
            g.writeEndObject();
            g.writeStringField("expiresAt", Timestamps.format(slot.put().expiresAt()));
            g.writeEndObject();
        }));
    }
}
