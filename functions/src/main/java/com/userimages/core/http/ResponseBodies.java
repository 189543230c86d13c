package com.userimages.core.http;

import com.fasterxml.jackson.core.JsonGenerator;
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
import com.userimages.core.model.UploadedFile;
import com.userimages.core.service.UploadSlot;
import com.userimages.core.storage.PresignedRequest;
import java.io.IOException;

/** The JSON shapes of API.md's success responses, written field by field with Jackson's streaming generator. */
public final class ResponseBodies {
    private ResponseBodies() {}

    /** A collection as GET returns it (and create and reorder): each image as {@link #writeImage} writes it. */
    public static JsonBody collection(Collection collection, ImageUrls urls) {
        return new JsonBody(JsonOutput.write(g -> {
            g.writeStartObject();
            g.writeStringField("imagesCollectionId", collection.collectionId());
            g.writeStringField("timestamp", collection.timestamp());
            g.writeNumberField("imageCount", collection.imageCount());
            g.writeArrayFieldStart("images");
            for (ImageRef image : collection.images()) {
                g.writeStartObject();
                g.writeStringField("imageId", image.imageId());
                writeImage(g, image, urls);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    /**
     * An image's {@code url} and {@code source}: an external url as stored ({@code "url"}); an
     * uploaded one's presigned GET ({@code "upload"}) with its {@code contentType}, {@code bytes}
     * and {@code urlExpiresAt}. The stored url decides; an {@code s3:} element without what was
     * checked of its object is a broken item, which fails the read rather than answer half an image.
     */
    private static void writeImage(JsonGenerator g, ImageRef image, ImageUrls urls) throws IOException {
        if (!ImageUrls.namesObject(image.url())) {
            g.writeStringField("url", image.url());
            g.writeStringField("source", "url");
            return;
        }
        UploadedFile upload = image.upload();
        if (upload == null) throw new IllegalStateException("a stored s3: element has no contentType and bytes");
        PresignedRequest get = urls.download(image.url());
        g.writeStringField("url", get.url().toString());
        g.writeStringField("source", "upload");
        g.writeStringField("contentType", upload.contentType());
        g.writeNumberField("bytes", upload.bytes());
        g.writeStringField("urlExpiresAt", Timestamps.format(get.expiresAt()));
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

    /** One image by id: the fields the collection gives it, and its position. */
    public static JsonBody image(ImageInCollection image, ImageUrls urls) {
        return new JsonBody(JsonOutput.write(g -> {
            g.writeStartObject();
            g.writeStringField("imagesCollectionId", image.collectionId());
            g.writeStringField("imageId", image.imageId());
            writeImage(g, image.image(), urls);
            g.writeNumberField("position", image.position());
            g.writeEndObject();
        }));
    }

    /** A listing; an uploaded cover is presigned as an image's url is (the LSI projects no more of it than its url). */
    public static JsonBody listPage(ListPage page, ImageUrls urls) {
        return new JsonBody(JsonOutput.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("items");
            for (ListedCollection c : page.items()) {
                g.writeStartObject();
                g.writeStringField("imagesCollectionId", c.collectionId());
                g.writeStringField("timestamp", c.timestamp());
                g.writeNumberField("imageCount", c.imageCount());
                // Always present, null while the collection is empty: clients read one shape.
                String cover = c.coverUrl();
                g.writeStringField("coverUrl", ImageUrls.namesObject(cover) ? urls.download(cover).url().toString() : cover);
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
