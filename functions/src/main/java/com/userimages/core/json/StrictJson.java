package com.userimages.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonTokenId;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads request bodies with Jackson's streaming parser (jackson-core) into {@link JsonValue}s:
 * one value and nothing after it, no key twice in one object, no comments, no NaN, the parser's own
 * limits (nesting depth, number and string lengths). Accepts and refuses exactly what
 * jackson-databind's strict {@code readTree} does (StrictJsonTest holds the two together), without loading databind.
 */
public final class StrictJson {
    private static final JsonFactory STRICT = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .disable(JsonReadFeature.ALLOW_YAML_COMMENTS)
            .build();

    /** Tokens only, duplicates allowed: for explaining a refused body, never for reading one. */
    private static final JsonFactory DUPLICATE_TOLERANT = JsonFactory.builder()
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private StrictJson() {}

    /**
     * The one JSON value {@code text} holds; empty when it holds none (nothing but whitespace).
     *
     * @throws IOException when {@code text} is not exactly one strict JSON value
     */
    public static Optional<JsonValue> parse(String text) throws IOException {
        try (JsonParser parser = STRICT.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) return Optional.empty();
            JsonValue value = readValue(parser);
            if (parser.nextToken() != null) throw new JsonParseException(parser, "Trailing data after the value");
            return Optional.of(value);
        }
    }

    /** One container being filled: an object (with the name of the member whose value comes next) or an array. */
    private static final class Open {
        final Map<String, JsonValue> members; // null for an array
        final List<JsonValue> elements; // null for an object
        String name;

        Open(boolean object) {
            members = object ? new LinkedHashMap<>() : null;
            elements = object ? null : new ArrayList<>();
        }

        void add(JsonValue value) {
            if (members != null) members.put(name, value);
            else elements.add(value);
        }

        JsonValue close() {
            return members != null ? new JsonObject(members) : new JsonValue.Array(elements);
        }
    }

    /** The value starting at the parser's current token; iterative, so depth costs heap, never stack. */
    private static JsonValue readValue(JsonParser parser) throws IOException {
        Deque<Open> open = new ArrayDeque<>();
        while (true) {
            JsonValue done;
            switch (parser.currentTokenId()) {
                case JsonTokenId.ID_START_OBJECT -> {
                    open.push(new Open(true));
                    advance(parser);
                    continue;
                }
                case JsonTokenId.ID_START_ARRAY -> {
                    open.push(new Open(false));
                    advance(parser);
                    continue;
                }
                case JsonTokenId.ID_FIELD_NAME -> {
                    open.peek().name = parser.currentName();
                    advance(parser);
                    continue;
                }
                case JsonTokenId.ID_END_OBJECT, JsonTokenId.ID_END_ARRAY -> done = open.pop().close();
                case JsonTokenId.ID_STRING -> done = new JsonValue.Text(parser.getText());
                case JsonTokenId.ID_NUMBER_INT -> {
                    // Decoded as the tree's IntNode/LongNode/BigIntegerNode was, so the same limits apply.
                    parser.getNumberValue();
                    done = new JsonValue.Literal(parser.getText());
                }
                case JsonTokenId.ID_NUMBER_FLOAT -> {
                    parser.getDoubleValue(); // as the tree's DoubleNode
                    done = new JsonValue.Literal(parser.getText());
                }
                case JsonTokenId.ID_TRUE, JsonTokenId.ID_FALSE -> done = new JsonValue.Literal(parser.getText());
                case JsonTokenId.ID_NULL -> done = JsonValue.NULL;
                default -> throw new JsonParseException(parser, "Unexpected token " + parser.currentToken());
            }
            if (open.isEmpty()) return done;
            open.peek().add(done);
            advance(parser);
        }
    }

    private static void advance(JsonParser parser) throws IOException {
        // The parser reports an end inside a container itself; this only guards the invariant.
        if (parser.nextToken() == null) throw new JsonParseException(parser, "Unexpected end of input");
    }

    /**
     * The first key some object in {@code text} holds twice, if that comes before any syntax error;
     * {@link #parse} refuses such a body, and this tells the caller why. Not used on valid bodies.
     */
    public static Optional<String> firstDuplicateKey(String text) {
        try (JsonParser parser = DUPLICATE_TOLERANT.createParser(text)) {
            Deque<Set<String>> open = new ArrayDeque<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                switch (parser.currentTokenId()) {
                    case JsonTokenId.ID_START_OBJECT -> open.push(new HashSet<>());
                    case JsonTokenId.ID_END_OBJECT -> open.pop();
                    case JsonTokenId.ID_FIELD_NAME -> {
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
}
