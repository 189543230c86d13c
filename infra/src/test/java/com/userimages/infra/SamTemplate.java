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

    /**
     * The template as CloudFormation sees it for one choice of parameters: resources and outputs whose
     * condition is false dropped, every {@code Fn::If} replaced by its branch, {@code AWS::NoValue}
     * removed. {@code conditions} must name every condition the template uses.
     */
    SamTemplate resolved(Map<String, Boolean> conditions) {
        Map<String, Object> copy = map(resolve(json, conditions));
        for (String section : List.of("Resources", "Outputs")) {
            map(copy.get(section)).entrySet().removeIf(e -> {
                Object condition = map(e.getValue()).get("Condition");
                return condition != null && !truth(conditions, condition);
            });
        }
        return new SamTemplate(copy);
    }

    private static final Object NO_VALUE = Map.of("Ref", "AWS::NoValue");

    private static boolean truth(Map<String, Boolean> conditions, Object name) {
        Boolean value = conditions.get((String) name);
        if (value == null) throw new AssertionError("no value given for condition " + name);
        return value;
    }

    private static Object resolve(Object node, Map<String, Boolean> conditions) {
        if (node instanceof Map<?, ?> m) {
            if (m.size() == 1 && m.get("Fn::If") instanceof List<?> branches) {
                return resolve(branches.get(truth(conditions, branches.get(0)) ? 1 : 2), conditions);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            map(m).forEach((k, v) -> {
                Object r = resolve(v, conditions);
                if (!NO_VALUE.equals(r)) out.put(k, r);
            });
            return out;
        }
        if (node instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object v : l) {
                Object r = resolve(v, conditions);
                if (!NO_VALUE.equals(r)) out.add(r);
            }
            return out;
        }
        return node;
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
