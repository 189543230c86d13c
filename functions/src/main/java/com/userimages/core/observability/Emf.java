package com.userimages.core.observability;

import com.userimages.contract.OperationalMetrics;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
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
    public static final Metric ORPHANED_OBJECTS = new Metric(OperationalMetrics.ORPHANED_OBJECTS, "Count");

    /** Every function's metrics. */
    public static final List<Metric> COMMON = List.of(REQUESTS, STATUS_4XX, STATUS_5XX, THROTTLED, LATENCY,
            READ_UNITS, WRITE_UNITS, COLD_START);
    /** list-page's own, in addition. */
    public static final List<Metric> LISTING = List.of(QUERY_CALLS, ITEMS_EVALUATED, PARTIAL_PAGES);
    /** The functions that delete objects (append-collection, delete-item), in addition. */
    public static final List<Metric> OBJECT_DELETES = List.of(ORPHANED_OBJECTS);

    private Emf() {}

    /**
     * Writes the {@code _aws} field (the generator is inside the line's object) for these metrics,
     * aggregated per function and route and per function. The caller writes the dimension values and
     * metric values at the root.
     */
    public static void declare(JsonGenerator line, Instant timestamp, List<Metric> metrics) throws IOException {
        line.writeObjectFieldStart("_aws");
        line.writeNumberField("Timestamp", timestamp.toEpochMilli());
        line.writeArrayFieldStart("CloudWatchMetrics");
        line.writeStartObject();
        line.writeStringField("Namespace", NAMESPACE);
        line.writeArrayFieldStart("Dimensions");
        line.writeStartArray();
        line.writeString(FUNCTION_DIMENSION);
        line.writeString(ROUTE_DIMENSION);
        line.writeEndArray();
        line.writeStartArray();
        line.writeString(FUNCTION_DIMENSION);
        line.writeEndArray();
        line.writeEndArray();
        line.writeArrayFieldStart("Metrics");
        for (Metric metric : metrics) {
            line.writeStartObject();
            line.writeStringField("Name", metric.name());
            line.writeStringField("Unit", metric.unit());
            line.writeEndObject();
        }
        line.writeEndArray();
        line.writeEndObject();
        line.writeEndArray();
        line.writeEndObject();
    }
}
