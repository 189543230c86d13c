package com.userimages.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of {@link PackageRulesTest}, read from the sources instead of the class files.
 * A compile-time constant is inlined by javac, so a class that only reads another package's
 * constant keeps no reference to it that ArchUnit could see; its import (or qualified name) in the
 * source is still there. Both tests hold the same rules, so neither kind of reference slips by.
 */
class SourceDependenciesTest {
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+(com\\.userimages\\.[\\w.]+);");
    /** An import or a qualified name of one of the functions' classes: its package is what counts. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(com\\.userimages\\.(?:core\\.\\w+|wiring|handlers))\\.[A-Z]");

    /** Layer of a package: {@code com.userimages.core.http.x} is in {@code core.http}. */
    static String layer(String pkg) {
        String rest = pkg.substring("com.userimages.".length());
        if (rest.startsWith("handlers")) return "handlers";
        if (rest.startsWith("wiring")) return "wiring";
        String[] parts = rest.split("\\.");
        return parts.length >= 2 && parts[0].equals("core") ? "core." + parts[1] : rest;
    }

    static Map<String, Set<String>> layerGraph(Path sources) throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Matcher pkg = PACKAGE.matcher(text);
                if (!pkg.find()) continue;
                String from = layer(pkg.group(1));
                if (!FunctionLayers.MAY_BE_USED_BY.containsKey(from)) continue;
                Matcher reference = REFERENCE.matcher(text);
                while (reference.find()) {
                    String to = layer(reference.group(1));
                    if (!to.equals(from) && FunctionLayers.MAY_BE_USED_BY.containsKey(to)) graph.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        return graph;
    }

    @Test
    void everySourceReferenceGoesDownTheLayers() throws IOException {
        Map<String, Set<String>> graph = layerGraph(SOURCES);
        assertTrue(graph.getOrDefault("handlers", Set.of()).contains("core.http"), "the sources were read: " + graph);
        List<String> wrong = new ArrayList<>();
        graph.forEach((from, targets) -> targets.forEach(to -> {
            if (!FunctionLayers.MAY_BE_USED_BY.get(to).contains(from)) wrong.add(from + " -> " + to);
        }));
        assertEquals(List.of(), wrong, "source references against the layers");
    }

    @Test
    void noTwoLayersReferToEachOtherInTheSources() throws IOException {
        Map<String, Set<String>> graph = layerGraph(SOURCES);
        List<String> cycles = new ArrayList<>();
        graph.forEach((from, targets) -> targets.forEach(to -> {
            if (reaches(graph, to, from, new TreeSet<>())) cycles.add(from + " -> " + to + " -> ... -> " + from);
        }));
        assertEquals(List.of(), cycles, "cycles between the functions' packages");
    }

    private static boolean reaches(Map<String, Set<String>> graph, String from, String goal, Set<String> seen) {
        if (from.equals(goal)) return true;
        if (!seen.add(from)) return false;
        for (String next : graph.getOrDefault(from, Set.of())) if (reaches(graph, next, goal, seen)) return true;
        return false;
    }
}
