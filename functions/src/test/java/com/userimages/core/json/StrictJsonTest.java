package com.userimages.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.core.http.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The streaming reader against the tree reader it replaced ({@link Json#MAPPER}'s {@code readTree},
 * still the oracle here): the same bodies accepted, with the same content, and the same refused.
 */
class StrictJsonTest {
    static Stream<String> bodies() {
        List<String> bodies = new ArrayList<>(List.of(
                // numbers where strings belong, and numbers the grammar refuses
                "{\"a\":1e2}", "{\"a\":1E+2}", "{\"a\":1.0}", "{\"a\":-0}", "{\"a\":-0.0}", "{\"a\":0}",
                "{\"a\":1e400}", "{\"a\":-1e-400}", "{\"a\":2147483648}", "{\"a\":9223372036854775808}",
                "{\"a\":01}", "{\"a\":+1}", "{\"a\":.5}", "{\"a\":1.}", "{\"a\":1e}", "{\"a\":-}",
                "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-Infinity}", "{\"a\":0x10}",
                "{\"a\":" + "9".repeat(1000) + "}", "{\"a\":" + "9".repeat(1001) + "}",
                "{\"a\":1." + "5".repeat(998) + "}", "{\"a\":1." + "5".repeat(1200) + "}",
                "{\"a\":1e" + "9".repeat(20) + "}",
                // literals
                "{\"a\":true,\"b\":false,\"c\":null}", "{\"a\":tru}", "{\"a\":True}", "{\"a\":nul}", "{\"a\":undefined}",
                // whitespace, BOM, emptiness
                "", " ", "\t\r\n ", "\uFEFF{}", "\uFEFF", "{}\uFEFF", " {\"a\" : [ 1 , 2 ] } \n", "\u00A0{}", "{}\u00A0",
                "\u2028{}", "{\u000B}", "{\f}",
                // roots that are not objects
                "null", "true", "1", "\"s\"", "[]", "[{}]", "nul",
                // trailing data and comments
                "{} {}", "{}x", "{},", "{}]", "{}}", "{} //c", "{} /*c*/", "/*c*/{}", "{\"a\":1 /*c*/}", "# c\n{}",
                "{}\u0000", "{} null", "{}\"",
                // syntax slips
                "{'a':1}", "{a:1}", "{\"a\":1,}", "{\"a\":[1,]}", "{\"a\":[,1]}", "{\"a\":}", "{\"a\"}", "{\"a\" 1}",
                "{\"a\":\"unterminated}", "{\"a\":[1,2}", "{\"a\":{\"b\":1]}", "{", "[", "{\"a\":", "}", "]",
                // strings: escapes, surrogates, control characters
                "{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\\ud800\"}", "{\"a\":\"\\ud83d\\ude00\"}", "{\"a\":\"😀\"}",
                "{\"a\":\"\\u0000\"}", "{\"a\":\"\u0001\"}", "{\"a\":\"tab\there\"}", "{\"a\":\"\\x41\"}",
                "{\"a\":\"\\'\"}", "{\"a\":\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\uZZZZ\"}",
                "{\"\\u0000\":1}", "{\"\":1}", "{\"\":1,\"\":2}",
                // duplicates, however spelled
                "{\"images\":[],\"images\":[]}", "{\"a\":1,\"\\u0061\":2}", "{\"a\":{\"b\":1,\"b\":1}}",
                "{\"a\":{\"x\":1},\"b\":{\"x\":1}}", "[{\"x\":1},{\"x\":1}]",
                // the real shapes
                "{\"images\":[{\"imageId\":\"a\",\"url\":\"https://a.example/1\"}],\"timestamp\":\"2026-01-01T00:00:00Z\"}",
                "{\"imageIds\":[\"a\",\"b\",null,1,[],{}]}"));
        // nesting around the parser's depth limit, arrays and objects
        for (int depth : new int[] {2, 999, 1000, 1001, 5000}) {
            bodies.add("{\"images\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
            bodies.add("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
            bodies.add("{\"images\":" + "[".repeat(depth)); // unclosed
        }
        bodies.add("{\"a\":\"" + "x".repeat(300_000) + "\"}");
        bodies.add("{\"" + "k".repeat(60_000) + "\":1}");
        return bodies.stream();
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void acceptsAndRefusesWhatTheTreeReaderDid(String body) {
        String expected;
        try {
            JsonNode tree = Json.MAPPER.readTree(body);
            expected = tree == null || tree.isMissingNode() ? "empty" : describe(tree);
        } catch (JacksonException e) {
            expected = "refused";
        }
        String actual;
        try {
            Optional<JsonValue> value = StrictJson.parse(body);
            actual = value.map(StrictJsonTest::describe).orElse("empty");
        } catch (IOException e) {
            actual = "refused";
        }
        assertEquals(expected, actual);
    }

    @Test
    void theCasesAboveReachEveryOutcome() {
        // Guards the oracle itself: the corpus holds accepted, refused and empty bodies.
        List<String> outcomes = bodies().map(b -> {
            try {
                return StrictJson.parse(b).isPresent() ? "value" : "empty";
            } catch (IOException e) {
                return "refused";
            }
        }).distinct().toList();
        assertTrue(outcomes.containsAll(List.of("value", "empty", "refused")), outcomes.toString());
    }

    @Test
    void keepsMembersInTheOrderSentAndNullApartFromAbsent() throws IOException {
        JsonObject object = assertInstanceOf(JsonObject.class,
                StrictJson.parse("{\"z\":null,\"a\":\"\\u00e9\",\"m\":[1,\"x\"]}").orElseThrow());
        assertEquals(List.of("z", "a", "m"), List.copyOf(object.names()));
        assertEquals(Optional.of(JsonValue.NULL), object.get("z"));
        assertEquals(Optional.of(new JsonValue.Text("é")), object.get("a"));
        assertEquals(Optional.of(new JsonValue.Array(List.of(new JsonValue.Literal("1"), new JsonValue.Text("x")))), object.get("m"));
        assertEquals(Optional.empty(), object.get("absent"));
    }

    @Test
    void aParsedObjectCannotBeChanged() throws IOException {
        JsonObject object = (JsonObject) StrictJson.parse("{\"a\":[]}").orElseThrow();
        assertThrows(UnsupportedOperationException.class, () -> object.members().put("b", JsonValue.NULL));
        JsonValue.Array array = (JsonValue.Array) object.get("a").orElseThrow();
        assertThrows(UnsupportedOperationException.class, () -> array.elements().add(JsonValue.NULL));
    }

    @Test
    void depthCostsNoStack() throws IOException {
        // Just under the parser's limit, in a thread with a tiny stack: the reader is iterative.
        // Classes are loaded and initialized here first, so the small stack holds only the reading.
        StrictJson.parse("[[{\"a\":[1,\"s\",null]}]]");
        String deep = "[".repeat(1000) + "]".repeat(1000);
        Object[] result = new Object[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = StrictJson.parse(deep).orElseThrow();
            } catch (Throwable e) {
                result[0] = e;
            }
        }, "small-stack", 64 * 1024);
        t.start();
        assertTrue(joined(t));
        assertInstanceOf(JsonValue.Array.class, result[0]);
    }

    private static boolean joined(Thread t) {
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !t.isAlive();
    }

    /** One description for both trees: kinds, strings exactly, member order; numbers and booleans by kind. */
    private static String describe(JsonNode node) {
        if (node.isObject()) {
            StringBuilder s = new StringBuilder("{");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                s.append(quoted(e.getKey())).append(':').append(describe(e.getValue())).append(',');
            }
            return s.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder s = new StringBuilder("[");
            for (JsonNode element : node) s.append(describe(element)).append(',');
            return s.append(']').toString();
        }
        if (node.isTextual()) return "s" + quoted(node.textValue());
        if (node.isNull()) return "null";
        if (node.isBoolean()) return node.asText();
        if (node.isNumber()) return "number";
        return "?" + node.getNodeType();
    }

    private static String describe(JsonValue value) {
        if (value instanceof JsonObject object) {
            StringBuilder s = new StringBuilder("{");
            object.members().forEach((k, v) -> s.append(quoted(k)).append(':').append(describe(v)).append(','));
            return s.append('}').toString();
        }
        if (value instanceof JsonValue.Array array) {
            StringBuilder s = new StringBuilder("[");
            for (JsonValue element : array.elements()) s.append(describe(element)).append(',');
            return s.append(']').toString();
        }
        if (value instanceof JsonValue.Text text) return "s" + quoted(text.value());
        if (value instanceof JsonValue.Null) return "null";
        if (value instanceof JsonValue.Literal literal) {
            return literal.text().equals("true") || literal.text().equals("false") ? literal.text() : "number";
        }
        return "?" + value;
    }

    /** Every char as a code unit, so lone surrogates and controls compare exactly. */
    private static String quoted(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) b.append(String.format("\\u%04x", (int) s.charAt(i)));
        return b.append('"').toString();
    }
}
