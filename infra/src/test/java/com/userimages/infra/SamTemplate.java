package com.userimages.infra;

import static com.userimages.infra.TemplateModel.list;
import static com.userimages.infra.TemplateModel.map;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code template.yaml} as SAM sees it: each function's properties with the Globals applied. */
final class SamTemplate {
    private final Map<String, Object> json;

    private SamTemplate(Map<String, Object> json) {
        this.json = json;
    }

    static SamTemplate read(Path file) throws IOException {
        return new SamTemplate(CfnYaml.read(file));
    }

    TemplateModel model() {
        return new TemplateModel(json);
    }

    Map<String, Object> json() {
        return json;
    }

    /** Logical id → effective properties of every AWS::Serverless::Function. */
    Map<String, Map<String, Object>> functions() {
        Map<String, Object> globals = json.containsKey("Globals")
                ? map(map(json.get("Globals")).getOrDefault("Function", Map.of()))
                : Map.of();
        Map<String, Map<String, Object>> functions = new LinkedHashMap<>();
        model().ofType("AWS::Serverless::Function").forEach((id, r) ->
                functions.put(id, map(merge(globals, TemplateModel.props(r)))));
        return functions;
    }

    /**
     * SAM's Globals rules: maps merge key by key, lists are the global entries then the function's,
     * anything else the function's value wins.
     */
    static Object merge(Object global, Object local) {
        if (local == null) return global;
        if (global instanceof Map<?, ?> && local instanceof Map<?, ?>) {
            Map<String, Object> merged = new LinkedHashMap<>(map(global));
            map(local).forEach((k, v) -> merged.put(k, merge(merged.get(k), v)));
            return merged;
        }
        if (global instanceof List<?> && local instanceof List<?>) {
            List<Object> merged = new ArrayList<>(list(global));
            merged.addAll(list(local));
            return merged;
        }
        return local;
    }
}
