package com.userimages.core.observability;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * CloudWatch Embedded Metric Format: the {@code _aws} block that turns a JSON log line into metrics.
 * CloudWatch reads every metric named in {@code CloudWatchMetrics} from the line's root, and each
 * dimension's value from the root too (a string), so the request line carries both.
 */
public final class Emf {
    public static final String NAMESPACE = "UserImages";
    public static final String FUNCTION_DIMENSION = "function";
    public static final String ROUTE_DIMENSION = "routeKey";

    /** A metric: its name at the line's root and its CloudWatch unit. */
    public record Metric(String name, String unit) {}

    public static final Metric REQUESTS = new Metric("Requests", "Count");
    public static final Metric STATUS_4XX = new Metric("Status4xx", "Count");
    public static final Metric STATUS_5XX = new Metric("Status5xx", "Count");
    public static final Metric THROTTLED = new Metric("Throttled", "Count");
    public static final Metric LATENCY = new Metric("Latency", "Milliseconds");
    public static final Metric READ_UNITS = new Metric("ReadUnits", "Count");
    public static final Metric WRITE_UNITS = new Metric("WriteUnits", "Count");
    public static final Metric COLD_START = new Metric("ColdStart", "Count");
    public static final Metric QUERY_CALLS = new Metric("QueryCalls", "Count");
    public static final Metric ITEMS_EVALUATED = new Metric("ItemsEvaluated", "Count");
    public static final Metric PARTIAL_PAGES = new Metric("PartialPages", "Count");

    /** Every function's metrics. */
    public static final List<Metric> COMMON = List.of(REQUESTS, STATUS_4XX, STATUS_5XX, THROTTLED, LATENCY,
            READ_UNITS, WRITE_UNITS, COLD_START);
    /** list-page's own, in addition. */
    public static final List<Metric> LISTING = List.of(QUERY_CALLS, ITEMS_EVALUATED, PARTIAL_PAGES);

    private Emf() {}

    /**
     * Puts the {@code _aws} block on {@code line} for these metrics, aggregated per function and
     * route and per function. The caller puts the dimension values and metric values at the root.
     */
    public static void declare(ObjectNode line, Instant timestamp, List<Metric> metrics) {
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", timestamp.toEpochMilli());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode dimensions = directive.putArray("Dimensions");
        dimensions.addArray().add(FUNCTION_DIMENSION).add(ROUTE_DIMENSION);
        dimensions.addArray().add(FUNCTION_DIMENSION);
        ArrayNode definitions = directive.putArray("Metrics");
        for (Metric metric : metrics) definitions.addObject().put("Name", metric.name()).put("Unit", metric.unit());
    }
}
