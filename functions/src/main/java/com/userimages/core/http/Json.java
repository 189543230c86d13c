package com.userimages.core.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The one Jackson mapper, as strict as {@link StrictJson}: for the tests (which read responses as
 * trees) and create-table's ad-hoc body. The data functions read and write with jackson-core's
 * streaming API ({@link StrictJson}, {@link ResponseBodies}), so jackson-databind, ~500 classes,
 * stays off their cold start.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    private Json() {}

    /**
     * The first key some object in {@code text} holds twice, if that comes before any syntax error;
     * {@link #MAPPER} and {@link StrictJson} refuse such a body, and this tells the caller why. Not used on valid bodies.
     */
    public static Optional<String> firstDuplicateKey(String text) {
        return StrictJson.firstDuplicateKey(text);
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("tree not serializable", e);
        }
    }
}
