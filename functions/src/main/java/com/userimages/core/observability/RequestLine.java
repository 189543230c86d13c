package com.userimages.core.observability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.userimages.contract.ApiFunction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
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
                          String callerHash, Throwable cause) {
    /** The route dimension of an event that named none of the function's routes (bounded cardinality). */
    public static final String UNMATCHED_ROUTE = "unmatched";
    /** Ids are short; anything longer is cut so an odd event cannot bloat the line. */
    static final int MAX_ID_LENGTH = 128;
    private static final int MAX_STACK_FRAMES = 20;

    /** Every non-ASCII character escaped: the line is pure ASCII, so no U+2028 or raw byte can split or forge it. */
    private static final ObjectMapper WRITER = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    /** A failure the operators must see whatever {@code LOG_LEVEL} says. */
    public boolean isFailure() {
        return status >= 500 || status == 429;
    }

    /** The full request line with its metrics. */
    public String fullLine() {
        return write(fields(true));
    }

    /** Only the metrics (what {@code LOG_LEVEL=WARN} writes for a request that did not fail). */
    public String metricsLine() {
        return write(fields(false));
    }

    private ObjectNode fields(boolean full) {
        ObjectNode line = JsonNodeFactory.instance.objectNode();
        boolean listing = function == ApiFunction.LIST_PAGE;
        List<Emf.Metric> metrics = new ArrayList<>(Emf.COMMON);
        if (listing) metrics.addAll(Emf.LISTING);
        Emf.declare(line, timestamp, metrics);
        if (full) {
            line.put("timestamp", timestamp.toString());
            line.put("level", status >= 500 && status != 503 ? "ERROR" : isFailure() ? "WARN" : "INFO");
            line.put("requestId", cut(requestId));
            line.put("awsRequestId", cut(awsRequestId));
        }
        line.put(Emf.FUNCTION_DIMENSION, function.functionName());
        line.put(Emf.ROUTE_DIMENSION, routeKey);
        if (full) {
            line.put("status", status);
            if (errorCode != null) line.put("errorCode", errorCode);
            line.put("latencyMs", latencyMs);
            line.put("coldStart", coldStart);
            line.put("readUnits", readUnits);
            line.put("writeUnits", writeUnits);
            if (listing) {
                line.put("queryCalls", queryCalls);
                line.put("itemsEvaluated", itemsEvaluated);
                line.put("partial", partial);
            }
            if (callerHash != null) line.put("callerHash", callerHash);
            if (cause != null && isFailure()) putCause(line);
        }
        line.put(Emf.REQUESTS.name(), 1);
        line.put(Emf.STATUS_4XX.name(), status >= 400 && status < 500 ? 1 : 0);
        line.put(Emf.STATUS_5XX.name(), status >= 500 ? 1 : 0);
        line.put(Emf.THROTTLED.name(), status == 429 ? 1 : 0);
        line.put(Emf.LATENCY.name(), latencyMs);
        line.put(Emf.READ_UNITS.name(), readUnits);
        line.put(Emf.WRITE_UNITS.name(), writeUnits);
        line.put(Emf.COLD_START.name(), coldStart ? 1 : 0);
        if (listing) {
            line.put(Emf.QUERY_CALLS.name(), queryCalls);
            line.put(Emf.ITEMS_EVALUATED.name(), itemsEvaluated);
            line.put(Emf.PARTIAL_PAGES.name(), partial ? 1 : 0);
        }
        return line;
    }

    /**
     * The cause's type and, for an AWS service error, its error code and request id; for anything
     * else its stack frames. Never its message: an SDK or JDK message may quote request data.
     */
    private void putCause(ObjectNode line) {
        line.put("causeType", cause.getClass().getName());
        if (cause instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
            line.put("awsErrorCode", cut(aws.awsErrorDetails().errorCode()));
        }
        if (cause instanceof SdkServiceException service && service.requestId() != null) {
            line.put("awsErrorRequestId", cut(service.requestId()));
        }
        if (!(cause instanceof SdkServiceException)) {
            ArrayNode frames = line.putArray("stackTrace");
            StackTraceElement[] trace = cause.getStackTrace();
            for (int i = 0; i < Math.min(trace.length, MAX_STACK_FRAMES); i++) frames.add(trace[i].toString());
            for (Throwable inner = cause.getCause(); inner != null && inner != cause; inner = inner.getCause()) {
                frames.add("caused by " + inner.getClass().getName());
                if (inner.getCause() == inner) break;
            }
        }
    }

    /** A truncated SHA-256 of the sub (16 hex digits): lets operators follow one caller, pseudonymously. */
    public static String callerHash(String sub) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sub.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
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

    private static String write(ObjectNode line) {
        try {
            return WRITER.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }
}
