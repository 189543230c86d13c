package com.userimages.core.observability;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.Subjects;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * API.md's request line for one request ("Function configuration"), which is also its CloudWatch
 * EMF document. It names the caller only by {@code callerHash} and holds nothing else taken from a
 * token or from the request's path, query or body: no sub, no page token, no exception message.
 *
 * @param requestId    API Gateway's request id (from the event; nullable)
 * @param awsRequestId Lambda's request id (nullable: no context outside Lambda)
 * @param routeKey     a route the function serves, or {@link #UNMATCHED_ROUTE}
 * @param errorCode    the API error code (nullable: none on success)
 * @param callerHash   see {@link #callerHash(String)} (nullable: the caller was not read, or unusable)
 * @param cause        what failed, for a 5xx, 429 or 503 (nullable)
 */
public record RequestLine(Instant timestamp, String requestId, String awsRequestId, ApiFunction function,
                          String routeKey, int status, String errorCode, long latencyMs, boolean coldStart,
                          double readUnits, double writeUnits, int queryCalls, int itemsEvaluated, boolean partial,
                          int orphanedObjects, String callerHash, Throwable cause) {
    /** The route dimension of an event that named none of the function's routes (bounded cardinality). */
    public static final String UNMATCHED_ROUTE = "unmatched";
    /** Ids are short; anything longer is cut so an odd event cannot bloat the line. */
    static final int MAX_ID_LENGTH = 128;
    private static final int MAX_STACK_FRAMES = 20;

    /**
     * Every non-ASCII character escaped: the line is pure ASCII, so no U+2028 or raw byte can split or
     * forge it. jackson-core's streaming generator, not databind: this runs on every request's path.
     */
    private static final JsonFactory WRITER = JsonFactory.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** A failure the operators must see whatever {@code LOG_LEVEL} says. */
    public boolean isFailure() {
        return status >= 500 || status == 429;
    }

    /** The full request line with its metrics. */
    public String fullLine() {
        return write(true);
    }

    /** Only the metrics (what {@code LOG_LEVEL=WARN} writes for a request that did not fail). */
    public String metricsLine() {
        return write(false);
    }

    private void fields(JsonGenerator line, boolean full) throws IOException {
        line.writeStartObject();
        boolean listing = function == ApiFunction.LIST_PAGE;
        List<Emf.Metric> metrics = new ArrayList<>(Emf.COMMON);
        if (listing) metrics.addAll(Emf.LISTING);
        boolean deletesObjects = function == ApiFunction.APPEND_COLLECTION || function == ApiFunction.DELETE_ITEM;
        if (deletesObjects) metrics.addAll(Emf.OBJECT_DELETES);
        Emf.declare(line, timestamp, metrics);
        if (full) {
            put(line, "timestamp", timestamp.toString());
            put(line, "level", status >= 500 && status != 503 ? "ERROR" : isFailure() ? "WARN" : "INFO");
            put(line, "requestId", cut(requestId));
            put(line, "awsRequestId", cut(awsRequestId));
        }
        put(line, Emf.FUNCTION_DIMENSION, function.functionName());
        put(line, Emf.ROUTE_DIMENSION, routeKey);
        if (full) {
            put(line, "status", status);
            if (errorCode != null) put(line, "errorCode", errorCode);
            put(line, "latencyMs", latencyMs);
            put(line, "coldStart", coldStart);
            put(line, "readUnits", readUnits);
            put(line, "writeUnits", writeUnits);
            if (listing) {
                put(line, "queryCalls", queryCalls);
                put(line, "itemsEvaluated", itemsEvaluated);
                put(line, "partial", partial);
            }
            if (deletesObjects) put(line, "orphanedObjects", orphanedObjects);
            if (callerHash != null) put(line, "callerHash", callerHash);
            if (cause != null && isFailure()) putCause(line);
        }
        put(line, Emf.REQUESTS.name(), 1);
        put(line, Emf.STATUS_4XX.name(), status >= 400 && status < 500 ? 1 : 0);
        put(line, Emf.STATUS_5XX.name(), status >= 500 ? 1 : 0);
        put(line, Emf.THROTTLED.name(), status == 429 ? 1 : 0);
        put(line, Emf.LATENCY.name(), latencyMs);
        put(line, Emf.READ_UNITS.name(), readUnits);
        put(line, Emf.WRITE_UNITS.name(), writeUnits);
        put(line, Emf.COLD_START.name(), coldStart ? 1 : 0);
        if (listing) {
            put(line, Emf.QUERY_CALLS.name(), queryCalls);
            put(line, Emf.ITEMS_EVALUATED.name(), itemsEvaluated);
            put(line, Emf.PARTIAL_PAGES.name(), partial ? 1 : 0);
        }
        if (deletesObjects) put(line, Emf.ORPHANED_OBJECTS.name(), orphanedObjects);
        line.writeEndObject();
    }

    /**
     * The cause's type and, for an AWS service error, its error code and request id; for anything
     * else its stack frames. Never its message: an SDK or JDK message may quote request data.
     */
    private void putCause(JsonGenerator line) throws IOException {
        put(line, "causeType", cause.getClass().getName());
        if (cause instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            put(line, "awsErrorCode", cut(aws.awsErrorDetails().errorCode()));
        }
        if (cause instanceof SdkServiceException service && service.requestId() != null) {
            put(line, "awsErrorRequestId", cut(service.requestId()));
        }
        if (!(cause instanceof SdkServiceException)) {
            line.writeArrayFieldStart("stackTrace");
            StackTraceElement[] trace = cause.getStackTrace();
            for (int i = 0; i < Math.min(trace.length, MAX_STACK_FRAMES); i++) line.writeString(trace[i].toString());
            for (Throwable inner = cause.getCause(); inner != null && inner != cause; inner = inner.getCause()) {
                line.writeString("caused by " + inner.getClass().getName());
                if (inner.getCause() == inner) break;
            }
            line.writeEndArray();
        }
    }

    /** A truncated SHA-256 of the sub (16 hex digits): lets operators follow one caller, pseudonymously. */
    public static String callerHash(String sub) {
        return Subjects.digest(sub, 8);
    }

    /** An id as logged: at most 128 characters, each visible ASCII (anything else becomes {@code _}). */
    private static String cut(String value) {
        if (value == null) return null;
        String cut = value.length() > MAX_ID_LENGTH ? value.substring(0, MAX_ID_LENGTH) : value;
        StringBuilder safe = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            safe.append(c > 0x20 && c < 0x7f ? c : '_');
        }
        return safe.toString();
    }

    private String write(boolean full) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator line = WRITER.createGenerator(out)) {
            fields(line, full);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void put(JsonGenerator line, String name, String value) throws IOException {
        if (value == null) line.writeNullField(name);
        else line.writeStringField(name, value);
    }

    private static void put(JsonGenerator line, String name, long value) throws IOException {
        line.writeNumberField(name, value);
    }

    private static void put(JsonGenerator line, String name, double value) throws IOException {
        line.writeNumberField(name, value);
    }

    private static void put(JsonGenerator line, String name, boolean value) throws IOException {
        line.writeBooleanField(name, value);
    }
}
