package com.userimages.core.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one Jackson mapper, built once per container. The functions work on trees ({@code JsonNode})
 * and validate by hand, so no data binding by reflection happens on a request.
 */
public final class Json {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    /** Tokens only, duplicates allowed: for explaining a refused body, never for reading one. */
    private static final JsonFactory DUPLICATE_TOLERANT = JsonFactory.builder()
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private Json() {}

    /**
     * The first key some object in {@code text} holds twice, if that comes before any syntax error;
     * {@link #MAPPER} refuses such a body, and this tells the caller why. Not used on valid bodies.
     */
    public static Optional<String> firstDuplicateKey(String text) {
        try (JsonParser parser = DUPLICATE_TOLERANT.createParser(text)) {
            Deque<Set<String>> open = new ArrayDeque<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (token) {
                    case START_OBJECT -> open.push(new HashSet<>());
                    case END_OBJECT -> open.pop();
                    case FIELD_NAME -> {
                        if (!open.peek().add(parser.currentName())) return Optional.of(parser.currentName());
                    }
                    default -> { }
                }
            }
        } catch (IOException syntaxErrorFirst) {
            // Some other fault comes first: the generic message stands.
        }
        return Optional.empty();
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
