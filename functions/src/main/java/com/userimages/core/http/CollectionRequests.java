package com.userimages.core.http;

import com.userimages.core.json.JsonOutput;
import com.userimages.core.json.JsonObject;
import com.userimages.core.json.JsonValue;
import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import com.userimages.core.model.AppendEntry;
import com.userimages.core.model.Bounds;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.NewCollection;
import com.userimages.core.model.Timestamps;
import com.userimages.core.model.Urls;
import com.userimages.core.model.Ids;
import com.userimages.core.storage.UploadIds;

/**
 * Validates the JSON bodies of {@code POST /collections} and {@code POST /collections/{id}/images}
 * by hand: exact field sets, exact types, bounds. An explicit {@code null} for an optional field
 * is taken as absent (many clients serialize missing optionals that way).
 */
public final class CollectionRequests {
    private static final Set<String> CREATE_FIELDS = Set.of("imagesCollectionId", "timestamp", "images");
    private static final Set<String> APPEND_FIELDS = Set.of("images");
    private static final Set<String> IMAGE_FIELDS = Set.of("imageId", "url");
    private static final Set<String> APPEND_IMAGE_FIELDS = Set.of("imageId", "url", "uploadId");

    private final Bounds bounds;
    private final int maxUploadsPerRequest;
    private final Clock clock;

    public CollectionRequests(Bounds bounds, int maxUploadsPerRequest, Clock clock) {
        this.bounds = bounds;
        this.maxUploadsPerRequest = maxUploadsPerRequest;
        this.clock = clock;
    }

    public NewCollection parseCreate(JsonObject body) {
        requireOnly(body, CREATE_FIELDS, "body");
        String sentId = optionalString(body, "imagesCollectionId");
        String sentTimestamp = optionalString(body, "timestamp");
        String id = sentId == null ? Ids.generate() : Ids.parse(sentId, "imagesCollectionId");
        String timestamp = sentTimestamp == null ? Timestamps.now(clock) : InputMessages.timestamp(sentTimestamp, "timestamp", false);
        List<SentImage> sent = images(body, 0);

        List<ImageRef> images = new ArrayList<>(sent.size());
        for (SentImage image : sent) {
            images.add(new ImageRef(image.imageId() == null ? Ids.generate() : image.imageId(), image.url()));
        }
        if (images.size() > bounds.maxImagesPerCollection()) {
            throw new ApiException.PayloadTooLarge(ErrorCode.COLLECTION_TOO_LARGE,
                    "A collection holds at most " + bounds.maxImagesPerCollection() + " images.");
        }
        return new NewCollection(id, timestamp, images, digest(canonical(id, sentTimestamp == null ? null : timestamp, sent)));
    }

    /**
     * The images of an append, each at a URL ({@code url}, optionally {@code imageId}) or an upload
     * ({@code imageId} and {@code uploadId}, as the slot gave them); each request's own ids must be
     * distinct. Ids not sent for URLs are generated.
     */
    public List<AppendEntry> parseAppend(JsonObject body) {
        requireOnly(body, APPEND_FIELDS, "body");
        List<JsonObject> elements = imageElements(body, 1);
        List<AppendEntry> entries = new ArrayList<>(elements.size());
        Set<String> seen = new HashSet<>();
        int uploads = 0;
        for (int i = 0; i < elements.size(); i++) {
            String where = "images[" + i + "]";
            JsonObject image = elements.get(i);
            requireOnly(image, APPEND_IMAGE_FIELDS, where);
            String uploadId = optionalString(image, "uploadId", where + ".uploadId");
            if (uploadId == null) {
                SentImage sent = sentImage(image, where, seen);
                entries.add(new AppendEntry.External(new ImageRef(sent.imageId() == null ? Ids.generate() : sent.imageId(), sent.url())));
                continue;
            }
            if (++uploads > maxUploadsPerRequest) {
                throw bad(ErrorCode.TOO_MANY_IMAGES, "A request holds at most " + maxUploadsPerRequest + " uploads.");
            }
            if (image.get("url").isPresent() && !(image.get("url").get() instanceof JsonValue.Null)) {
                throw bad(ErrorCode.INVALID_BODY, where + " names an upload and a url: one or the other.");
            }
            if (!UploadIds.isWellFormed(uploadId)) throw bad(ErrorCode.INVALID_BODY, where + ".uploadId is not an upload id this API issued.");
            String rawId = optionalString(image, "imageId", where + ".imageId");
            if (rawId == null) throw bad(ErrorCode.INVALID_BODY, where + ".imageId is required with an uploadId.");
            String id = Ids.parse(rawId, where + ".imageId");
            if (!seen.add(id)) throw bad(ErrorCode.DUPLICATE_IMAGE_ID, where + ".imageId appears twice in the request.");
            entries.add(new AppendEntry.Upload(id, uploadId));
        }
        return entries;
    }

    record SentImage(String imageId, String url) {}

    private List<SentImage> images(JsonObject body, int min) {
        List<JsonObject> elements = imageElements(body, min);
        List<SentImage> images = new ArrayList<>(elements.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < elements.size(); i++) {
            String where = "images[" + i + "]";
            requireOnly(elements.get(i), IMAGE_FIELDS, where);
            images.add(sentImage(elements.get(i), where, seen));
        }
        return images;
    }

    private List<JsonObject> imageElements(JsonObject body, int min) {
        JsonValue node = body.get("images").orElse(JsonValue.NULL);
        if (node instanceof JsonValue.Null) throw bad(ErrorCode.INVALID_BODY, "images is required.");
        if (!(node instanceof JsonValue.Array array)) throw bad(ErrorCode.INVALID_BODY, "images must be an array.");
        List<JsonValue> elements = array.elements();
        if (elements.size() < min) throw bad(ErrorCode.INVALID_BODY, "images must hold at least " + min + " image.");
        if (elements.size() > bounds.maxImagesPerRequest()) {
            throw bad(ErrorCode.TOO_MANY_IMAGES, "A request holds at most " + bounds.maxImagesPerRequest() + " images.");
        }
        List<JsonObject> objects = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            if (!(elements.get(i) instanceof JsonObject image)) throw bad(ErrorCode.INVALID_BODY, "images[" + i + "] must be an object.");
            objects.add(image);
        }
        return objects;
    }

    private static SentImage sentImage(JsonObject image, String where, Set<String> seen) {
        String rawId = optionalString(image, "imageId", where + ".imageId");
        String id = rawId == null ? null : Ids.parse(rawId, where + ".imageId");
        if (id != null && !seen.add(id)) throw bad(ErrorCode.DUPLICATE_IMAGE_ID, where + ".imageId appears twice in the request.");
        String url = optionalString(image, "url", where + ".url");
        if (url == null) throw bad(ErrorCode.INVALID_URL, where + ".url is required.");
        return new SentImage(id, Urls.validate(url));
    }

    private static void requireOnly(JsonObject node, Set<String> allowed, String where) {
        for (String name : node.names()) {
            if (!allowed.contains(name)) throw bad(ErrorCode.UNKNOWN_FIELD, InputMessages.unknownName(where + " has an unknown field", name, allowed));
        }
    }

    private static String optionalString(JsonObject node, String field) {
        return optionalString(node, field, field);
    }

    private static String optionalString(JsonObject node, String field, String label) {
        JsonValue value = node.get(field).orElse(JsonValue.NULL);
        if (value instanceof JsonValue.Null) return null;
        if (!(value instanceof JsonValue.Text text)) throw bad(ErrorCode.INVALID_BODY, label + " must be a string.");
        return text.value();
    }

    private static ApiException bad(ErrorCode code, String message) {
        return new ApiException.BadRequest(code, message);
    }

    /**
     * The request as the replay check compares it: the id, the timestamp only when sent, the images
     * with only the ids sent. Byte for byte what the earlier tree-based writer produced, so digests
     * stored before still match a replay.
     */
    static String canonical(String id, String sentTimestamp, List<SentImage> sent) {
        return JsonOutput.write(g -> {
            g.writeStartObject();
            g.writeStringField("imagesCollectionId", id);
            if (sentTimestamp != null) g.writeStringField("timestamp", sentTimestamp);
            g.writeArrayFieldStart("images");
            for (SentImage image : sent) {
                g.writeStartObject();
                if (image.imageId() != null) g.writeStringField("imageId", image.imageId());
                g.writeStringField("url", image.url());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    private static String digest(String canonical) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
