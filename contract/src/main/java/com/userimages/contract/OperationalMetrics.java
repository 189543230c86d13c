package com.userimages.contract;

/**
 * The functions' CloudWatch metrics that infrastructure alarms on, as their request line's EMF
 * block declares them (API.md, "Function configuration"): namespace, the per-function dimension, and
 * the metric names. One definition, so an alarm cannot watch a name no function writes.
 */
public final class OperationalMetrics {
    public static final String NAMESPACE = "UserImages";
    /** Its value is the function's short name ({@link ApiFunction#functionName()}). */
    public static final String FUNCTION_DIMENSION = "function";
    /**
     * Objects a request meant to delete and could not (after retries): the request line's
     * {@code orphanedObjects}, as the EMF metric of this name. Any is worth a look: each is an
     * image a user deleted that is still stored.
     */
    public static final String ORPHANED_OBJECTS = "OrphanedObjects";

    private OperationalMetrics() {}
}
