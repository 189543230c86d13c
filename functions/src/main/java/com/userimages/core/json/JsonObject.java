package com.userimages.core.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A JSON object: its members in the order the body sent them (each name once: {@link StrictJson} refuses a repeat). */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {
    public JsonObject {
        // Insertion order is part of the value: the first unknown field named in a 400 is the first sent.
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    public Set<String> names() {
        return members.keySet();
    }

    /** The member's value; empty when absent (an explicit {@code null} is {@link JsonValue#NULL}). */
    public Optional<JsonValue> get(String name) {
        return Optional.ofNullable(members.get(name));
    }
}
