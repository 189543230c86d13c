package com.userimages.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code -Xlog:class+load:file=F:uptime} log: how many classes a process loaded, how many of
 * them came from a CDS/AOT archive ("shared objects file") instead of being parsed from a jar, and
 * which packages they belong to, split at the probe's phase marks.
 */
record ClassLoadLog(List<Loaded> classes) {
    /** One loaded class; {@code uptimeMs} from the log's uptime decoration. */
    record Loaded(double uptimeMs, String name, boolean fromArchive) {}

    private static final Pattern LINE = Pattern.compile("^\\[(\\d+\\.\\d+)s] (\\S+) source: (.*)$");

    static ClassLoadLog read(Path log) throws IOException {
        List<Loaded> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                classes.add(new Loaded(Double.parseDouble(m.group(1)) * 1000, m.group(2), m.group(3).startsWith("shared objects file")));
            }
        }
        return new ClassLoadLog(List.copyOf(classes));
    }

    int total() { return classes.size(); }

    int fromArchive() { return (int) classes.stream().filter(Loaded::fromArchive).count(); }

    /** Classes per package group and phase (0: up to {@code marks[0]}, 1: up to {@code marks[1]}, 2: after). */
    Map<String, int[]> byGroupAndPhase(double... marks) {
        Map<String, int[]> groups = new TreeMap<>();
        for (Loaded c : classes) {
            int phase = 0;
            while (phase < marks.length && c.uptimeMs() > marks[phase]) phase++;
            groups.computeIfAbsent(group(c.name()), g -> new int[marks.length + 2])[phase]++;
        }
        groups.values().forEach(counts -> {
            for (int i = 0; i < counts.length - 1; i++) counts[counts.length - 1] += counts[i];
        });
        Map<String, int[]> sorted = new LinkedHashMap<>();
        groups.entrySet().stream()
                .sorted((a, b) -> Integer.compare(b.getValue()[b.getValue().length - 1], a.getValue()[a.getValue().length - 1]))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** A package prefix that says whose code it is: the SDK by module, Jackson by part, the JDK by area. */
    static String group(String className) {
        String[] parts = className.split("\\.");
        int depth = switch (parts[0]) {
            case "java", "javax", "jdk", "sun" -> 2;
            case "software" -> parts.length > 4 && (parts[3].equals("services") || parts[3].equals("http")) ? 5 : 4;
            case "com" -> parts.length > 2 && parts[1].equals("fasterxml") ? 4 : 3;
            default -> 3;
        };
        depth = Math.min(depth, parts.length - 1);
        return String.join(".", java.util.Arrays.copyOf(parts, Math.max(depth, 1)));
    }
}
