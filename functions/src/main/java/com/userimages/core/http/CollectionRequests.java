package com.userimages.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.userimages.core.error.ApiException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import com.userimages.core.model.Bounds;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.NewCollection;
import com.userimages.core.model.Timestamps;
import com.userimages.core.model.Urls;
import com.userimages.core.model.Ids;

/**
 * Validates the JSON bodies of {@code POST /collections} and {@code POST /collections/{id}/images}
 * by hand: exact field sets, exact types, bounds. An explicit {@code null} for an optional field
 * is taken as absent (many clients serialize missing optionals that way).
 */
public final class CollectionRequests {
    private static final Set<String> CREATE_FIELDS = Set.of("imagesCollectionId", "timestamp", "images");
    private static final Set<String> APPEND_FIELDS = Set.of("images");
    private static final Set<String> IMAGE_FIELDS = Set.of("imageId", "url");

    private final Bounds bounds;
    private final Clock clock;

    public CollectionRequests(Bounds bounds, Clock clock) {
        this.bounds = bounds;
        this.clock = clock;
    }

    public NewCollection parseCreate(ObjectNode body) {
        requireOnly(body, CREATE_FIELDS, "body");
        String sentId = optionalString(body, "imagesCollectionId");
        String sentTimestamp = optionalString(body, "timestamp");
        String id = sentId == null ? Ids.generate() : Ids.parse(sentId, "imagesCollectionId");
        String timestamp = sentTimestamp == null ? Timestamps.now(clock) : InputMessages.timestamp(sentTimestamp, "timestamp", false);
        List<SentImage> sent = images(body, 0);

        ObjectNode canonical = Json.object();
        canonical.put("imagesCollectionId", id);
        if (sentTimestamp != null) canonical.put("timestamp", timestamp);
        ArrayNode canonicalImages = canonical.putArray("images");
        List<ImageRef> images = new ArrayList<>(sent.size());
        for (SentImage image : sent) {
            ObjectNode c = canonicalImages.addObject();
            if (image.imageId() != null) c.put("imageId", image.imageId());
            c.put("url", image.url());
            images.add(new ImageRef(image.imageId() == null ? Ids.generate() : image.imageId(), image.url()));
        }
        if (images.size() > bounds.maxImagesPerCollection()) {
            throw new ApiException.PayloadTooLarge("COLLECTION_TOO_LARGE",
                    "A collection holds at most " + bounds.maxImagesPerCollection() + " images.");
        }
        return new NewCollection(id, timestamp, images, digest(Json.write(canonical)));
    }

    /** The images of an append; each request's own ids must be distinct. Ids not sent are generated. */
    public List<ImageRef> parseAppend(ObjectNode body) {
        requireOnly(body, APPEND_FIELDS, "body");
        List<SentImage> sent = images(body, 1);
        List<ImageRef> images = new ArrayList<>(sent.size());
        for (SentImage image : sent) {
            images.add(new ImageRef(image.imageId() == null ? Ids.generate() : image.imageId(), image.url()));
        }
        return images;
    }

    private record SentImage(String imageId, String url) {}

    private List<SentImage> images(ObjectNode body, int min) {
        JsonNode node = body.get("images");
        if (node == null || node.isNull()) throw bad("INVALID_BODY", "images is required.");
        if (!node.isArray()) throw bad("INVALID_BODY", "images must be an array.");
        if (node.size() < min) throw bad("INVALID_BODY", "images must hold at least " + min + " image.");
        if (node.size() > bounds.maxImagesPerRequest()) {
            throw bad("TOO_MANY_IMAGES", "A request holds at most " + bounds.maxImagesPerRequest() + " images.");
        }
        List<SentImage> images = new ArrayList<>(node.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode element = node.get(i);
            String where = "images[" + i + "]";
            if (!(element instanceof ObjectNode image)) throw bad("INVALID_BODY", where + " must be an object.");
            requireOnly(image, IMAGE_FIELDS, where);
            String rawId = optionalString(image, "imageId", where + ".imageId");
            String id = rawId == null ? null : Ids.parse(rawId, where + ".imageId");
            if (id != null && !seen.add(id)) throw bad("DUPLICATE_IMAGE_ID", where + ".imageId appears twice in the request.");
            String url = optionalString(image, "url", where + ".url");
            if (url == null) throw bad("INVALID_URL", where + ".url is required.");
            images.add(new SentImage(id, Urls.validate(url)));
        }
        return images;
    }

    private static void requireOnly(ObjectNode node, Set<String> allowed, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) throw bad("UNKNOWN_FIELD", InputMessages.unknownName(where + " has an unknown field", name, allowed));
        }
    }

    private static String optionalString(ObjectNode node, String field) {
        return optionalString(node, field, field);
    }

    private static String optionalString(ObjectNode node, String field, String label) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) return null;
        if (!value.isTextual()) throw bad("INVALID_BODY", label + " must be a string.");
        return value.textValue();
    }

    private static ApiException bad(String code, String message) {
        return new ApiException.BadRequest(code, message);
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
