package com.userimages.core.json;

import java.util.List;

/**
 * A JSON value as a request body holds it, read by {@link StrictJson}: plain records over JDK
 * collections, so no data-binding library is loaded to hold a body. The validators only ask what
 * kind a value is and read strings, so numbers and booleans keep nothing but their text.
 */
public sealed interface JsonValue permits JsonObject, JsonValue.Text, JsonValue.Array, JsonValue.Literal, JsonValue.Null {
    /** The one {@code null}. */
    Null NULL = new Null();

    /** A string, escapes decoded (a lone surrogate escape stays as the char it names, as Jackson's tree kept it). */
    record Text(String value) implements JsonValue {}

    /** An array; its elements in order. */
    record Array(List<JsonValue> elements) implements JsonValue {
        public Array {
            elements = List.copyOf(elements);
        }
    }

    /** A number or {@code true}/{@code false}, as written. */
    record Literal(String text) implements JsonValue {}

    /** {@code null}: an optional field sent as null is taken as absent. */
    record Null() implements JsonValue {}
}
