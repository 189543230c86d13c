package com.userimages.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.core.http.Json;
import com.userimages.core.observability.RequestLine;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every request line the suite's handlers write, checked as it is written: it must be a valid EMF
 * document; every field must be one the request line defines, with a value of its fixed form (an
 * id, a hash, a route key, a number...), so no free text from a request can ride in it; and it must
 * not hold anything the suite registered as forbidden (a sub, a token, a page token, a secret). A
 * value registered just after a line was written (a page token seen in the response) is checked
 * against the most recent lines too. A violation fails the test that caused it.
 *
 * <p>Handlers built by their Lambda (no-arg) path write to {@code System.out}, looked up per line;
 * {@link #install()} puts a checking stream there, once per test JVM. Tests that give a handler
 * its own sink use {@link #sink(List)}, checked the same way.
 */
public final class TestLogs {
    /** Short values (a one-letter sub) would match by chance in any line; nothing this short is a secret. */
    static final int MIN_FORBIDDEN_LENGTH = 8;
    /** How many of the latest lines a newly forbidden value is checked against. */
    static final int RECENT_LINES = 64;

    private static final Pattern ID = Pattern.compile("[\\x21-\\x7e]{1,128}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.$-]{1,200}");
    private static final Set<String> ROUTES = Stream.concat(Stream.of(RequestLine.UNMATCHED_ROUTE),
            Arrays.stream(ApiRoute.values()).map(ApiRoute::routeKey)).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> FUNCTIONS = Arrays.stream(ApiFunction.values()).map(ApiFunction::functionName)
            .collect(Collectors.toUnmodifiableSet());
    private static final Set<String> NUMBERS = Set.of("status", "latencyMs", "readUnits", "writeUnits", "queryCalls",
            "itemsEvaluated", "Requests", "Status4xx", "Status5xx", "Throttled", "Latency", "ReadUnits", "WriteUnits",
            "ColdStart", "QueryCalls", "ItemsEvaluated", "PartialPages", "orphanedObjects", "OrphanedObjects");

    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static final Deque<String> RECENT = new ArrayDeque<>();
    /** Forbidden values by their first {@value #MIN_FORBIDDEN_LENGTH} characters (raw and escaped), so a line is checked in one pass. */
    private static final Map<String, Set<String>> FORBIDDEN = new ConcurrentHashMap<>();
    private static volatile boolean installed;

    private TestLogs() {}

    public static synchronized void install() {
        if (installed) return;
        installed = true;
        PrintStream original = System.out;
        System.setOut(new PrintStream(original, true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                if (line != null && line.startsWith("{\"_aws\"")) check(line);
                super.println(line);
            }
        });
    }

    /** A sink that checks and keeps each line, and adds it to {@code into}. */
    public static Consumer<String> sink(List<String> into) {
        return line -> {
            check(line);
            into.add(line);
        };
    }

    /** A value that must never appear in a log line (raw or JSON-escaped). */
    public static void forbid(String value) {
        if (value == null || value.length() < MIN_FORBIDDEN_LENGTH) return;
        for (String spelling : List.of(value, asciiEscaped(value))) {
            FORBIDDEN.computeIfAbsent(spelling.substring(0, MIN_FORBIDDEN_LENGTH), k -> ConcurrentHashMap.newKeySet()).add(spelling);
        }
        synchronized (RECENT) {
            for (String line : RECENT) assertAbsent(line, value);
        }
    }

    /** How many lines were checked so far in this JVM. */
    public static int linesChecked() {
        return CHECKED.get();
    }

    static void check(String line) {
        List<String> problems = EmfValidator.violations(line);
        if (!problems.isEmpty()) throw new AssertionError("log line is not valid EMF " + problems + ": " + line);
        problems = fieldProblems(line);
        if (!problems.isEmpty()) throw new AssertionError("log line has fields of no fixed form " + problems + ": " + line);
        if (line.contains("eyJ")) throw new AssertionError("log line holds what looks like a JWT: " + line);
        for (int i = 0; i + MIN_FORBIDDEN_LENGTH <= line.length(); i++) {
            Set<String> candidates = FORBIDDEN.get(line.substring(i, i + MIN_FORBIDDEN_LENGTH));
            if (candidates == null) continue;
            for (String value : candidates) {
                if (line.startsWith(value, i)) {
                    throw new AssertionError("log line holds a forbidden value (sub, token, page token or secret): " + line);
                }
            }
        }
        CHECKED.incrementAndGet();
        synchronized (RECENT) {
            RECENT.addLast(line);
            if (RECENT.size() > RECENT_LINES) RECENT.removeFirst();
        }
    }

    /** Every root field is one of the request line's, in its fixed form. */
    public static List<String> fieldProblems(String line) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(line);
        } catch (Exception e) {
            return List.of("not JSON");
        }
        root.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode v = field.getValue();
            boolean ok = switch (name) {
                case "_aws" -> true;
                case "timestamp" -> v.isTextual() && parses(v.asText());
                case "level" -> v.isTextual() && Set.of("INFO", "WARN", "ERROR").contains(v.asText());
                case "requestId", "awsRequestId", "awsErrorRequestId" -> v.isNull() || (v.isTextual() && ID.matcher(v.asText()).matches());
                case "function" -> v.isTextual() && FUNCTIONS.contains(v.asText());
                case "routeKey" -> v.isTextual() && ROUTES.contains(v.asText());
                case "errorCode" -> v.isTextual() && v.asText().matches("[A-Z_]{1,40}");
                case "callerHash" -> v.isTextual() && v.asText().matches("[0-9a-f]{16}");
                case "coldStart", "partial" -> v.isBoolean();
                case "causeType", "awsErrorCode" -> v.isTextual() && NAME.matcher(v.asText()).matches();
                case "stackTrace" -> v.isArray() && v.size() <= 40;
                default -> NUMBERS.contains(name) && v.isNumber();
            };
            if (!ok) problems.add(name);
        });
        return problems;
    }

    private static boolean parses(String instant) {
        try {
            java.time.Instant.parse(instant);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static void assertAbsent(String line, String value) {
        if (line.contains(value) || line.contains(asciiEscaped(value))) {
            throw new AssertionError("log line holds a forbidden value (sub, token, page token or secret): " + line);
        }
    }

    /** The value as the request line's writer (ASCII-only, JSON-escaped) would spell it. */
    static String asciiEscaped(String value) {
        StringBuilder b = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04X", (int) c));
            else b.append(c);
        }
        return b.toString();
    }
}
