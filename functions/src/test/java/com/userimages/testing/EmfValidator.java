package com.userimages.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.core.http.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a log line against the CloudWatch Embedded Metric Format specification
 * (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html):
 * a JSON object whose {@code _aws} holds a millisecond {@code Timestamp} and {@code CloudWatchMetrics},
 * an array of directives, each with a {@code Namespace} (1-255 characters), {@code Dimensions} (an
 * array of dimension sets, each an array of at most 30 dimension names, every one a member of the
 * root holding a string of at most 1,024 characters) and {@code Metrics} (at most 100 definitions:
 * {@code Name} 1-1,024 characters, an optional {@code Unit} from the specification's list, an
 * optional {@code StorageResolution} of 1 or 60; every name a root member holding a number or an
 * array of at most 100 numbers). Returns every violation found; empty means valid.
 */
public final class EmfValidator {
    static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second",
            "Count/Second", "None");

    private EmfValidator() {}

    public static List<String> violations(String line) {
        List<String> problems = new ArrayList<>();
        if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) problems.add("the line holds a line break");
        if (line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 1024 * 1024) problems.add("over 1 MB");
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(line);
        } catch (Exception e) {
            problems.add("not JSON: " + e.getMessage());
            return problems;
        }
        if (root == null || !root.isObject()) {
            problems.add("not a JSON object");
            return problems;
        }
        JsonNode aws = root.get("_aws");
        if (aws == null || !aws.isObject()) {
            problems.add("no _aws object");
            return problems;
        }
        JsonNode timestamp = aws.get("Timestamp");
        if (timestamp == null || !timestamp.isIntegralNumber() || timestamp.asLong() < 0) {
            problems.add("_aws.Timestamp must be epoch milliseconds");
        } else if (Math.abs(timestamp.asLong() - System.currentTimeMillis()) > 14L * 24 * 3600 * 1000) {
            problems.add("_aws.Timestamp is more than two weeks from now (CloudWatch would drop it)");
        }
        JsonNode directives = aws.get("CloudWatchMetrics");
        if (directives == null || !directives.isArray()) {
            problems.add("_aws.CloudWatchMetrics must be an array");
            return problems;
        }
        for (JsonNode directive : directives) {
            if (!directive.isObject()) {
                problems.add("a metric directive is not an object");
                continue;
            }
            JsonNode namespace = directive.get("Namespace");
            if (namespace == null || !namespace.isTextual() || namespace.asText().isBlank() || namespace.asText().length() > 255) {
                problems.add("Namespace must be a non-blank string of at most 255 characters");
            }
            JsonNode dimensions = directive.get("Dimensions");
            if (dimensions == null || !dimensions.isArray()) {
                problems.add("Dimensions must be an array of dimension sets");
            } else {
                for (JsonNode set : dimensions) {
                    if (!set.isArray() || set.size() > 30) {
                        problems.add("a dimension set must be an array of at most 30 names");
                        continue;
                    }
                    for (JsonNode name : set) {
                        if (!name.isTextual()) {
                            problems.add("a dimension name is not a string");
                            continue;
                        }
                        JsonNode value = root.get(name.asText());
                        if (value == null || !value.isTextual()) {
                            problems.add("dimension " + name.asText() + " has no string value at the root");
                        } else if (value.asText().isEmpty() || value.asText().length() > 1024) {
                            problems.add("dimension " + name.asText() + " must be 1 to 1024 characters");
                        }
                    }
                }
            }
            JsonNode metrics = directive.get("Metrics");
            if (metrics == null || !metrics.isArray()) {
                problems.add("Metrics must be an array");
                continue;
            }
            if (metrics.size() > 100) problems.add("more than 100 metrics in one directive");
            Set<String> names = new HashSet<>();
            for (JsonNode metric : metrics) {
                JsonNode name = metric.get("Name");
                if (name == null || !name.isTextual() || name.asText().isEmpty() || name.asText().length() > 1024) {
                    problems.add("a metric Name must be a string of 1 to 1024 characters");
                    continue;
                }
                if (!names.add(name.asText())) problems.add("metric " + name.asText() + " declared twice");
                JsonNode unit = metric.get("Unit");
                if (unit != null && !(unit.isTextual() && UNITS.contains(unit.asText()))) {
                    problems.add("metric " + name.asText() + " has an invalid Unit " + unit);
                }
                JsonNode resolution = metric.get("StorageResolution");
                if (resolution != null && !(resolution.isInt() && (resolution.asInt() == 1 || resolution.asInt() == 60))) {
                    problems.add("metric " + name.asText() + " has an invalid StorageResolution");
                }
                JsonNode value = root.get(name.asText());
                boolean number = value != null && value.isNumber();
                boolean numbers = value != null && value.isArray() && value.size() <= 100 && value.size() > 0;
                if (numbers) for (JsonNode v : value) numbers &= v.isNumber();
                if (!number && !numbers) problems.add("metric " + name.asText() + " has no numeric value at the root");
                if (value != null && value.isNumber() && !Double.isFinite(value.asDouble())) {
                    problems.add("metric " + name.asText() + " is not finite");
                }
            }
        }
        return problems;
    }
}
