package com.userimages.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Read access to a synthesized CloudFormation template (the JSON as maps and lists). */
final class TemplateModel {
    private final Map<String, Object> json;

    TemplateModel(Map<String, Object> json) {
        this.json = json;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    Map<String, Object> resources() {
        return map(json.get("Resources"));
    }

    /** Logical id → resource, for one CloudFormation type, in template order. */
    Map<String, Map<String, Object>> ofType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, r) -> {
            if (type.equals(map(r).get("Type"))) found.put(id, map(r));
        });
        return found;
    }

    static Map<String, Object> props(Map<String, Object> resource) {
        return map(resource.get("Properties"));
    }

    /** The logical id of the one resource of this type; fails the test if there are none or several. */
    String only(String type) {
        var ids = ofType(type).keySet();
        assertEquals(1, ids.size(), type);
        return ids.iterator().next();
    }

    Map<String, Object> resource(String logicalId) {
        Object r = resources().get(logicalId);
        if (r == null) throw new AssertionError("no resource " + logicalId);
        return map(r);
    }

    /** The logical id a {@code Ref} or {@code Fn::GetAtt} points at, or null for anything else. */
    static String target(Object intrinsic) {
        if (!(intrinsic instanceof Map<?, ?> m)) return null;
        if (m.get("Ref") instanceof String s) return s;
        if (m.get("Fn::GetAtt") instanceof List<?> l && !l.isEmpty()) return (String) l.get(0);
        return null;
    }

    Map<String, Object> json() {
        return json;
    }
}
