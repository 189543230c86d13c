package com.userimages.core.observability;

import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;

/**
 * What one request cost: DynamoDB capacity units and, for list-page, Query calls, items evaluated and
 * whether the page was partial. Bound to the request's call with a {@link ScopedValue}, so the
 * repository can add to it without every service signature carrying it, and so concurrent
 * requests in one JVM (the local server) never share one; outside a request nothing is recorded.
 */
public final class RequestMetrics {
    private static final ScopedValue<RequestMetrics> CURRENT = ScopedValue.newInstance();

    private double readUnits;
    private double writeUnits;
    private int queryCalls;
    private int itemsEvaluated;
    private boolean partial;
    private int orphanedObjects;

    /** Runs {@code action} with this instance as the current request's metrics. */
    public <T> T during(Supplier<T> action) {
        return ScopedValue.where(CURRENT, this).call(action::get);
    }

    static Optional<RequestMetrics> current() {
        return CURRENT.isBound() ? Optional.of(CURRENT.get()) : Optional.empty();
    }

    /** Capacity of a read (GetItem, Query), as returned with {@code ReturnConsumedCapacity.TOTAL}. */
    public static void read(ConsumedCapacity capacity) {
        current().ifPresent(m -> m.add(capacity, true));
    }

    /** Capacity of a write (PutItem, UpdateItem). */
    public static void write(ConsumedCapacity capacity) {
        current().ifPresent(m -> m.add(capacity, false));
    }

    /** One Query call of a listing, with how many index entries DynamoDB evaluated for it. */
    public static void queryCall(int evaluated) {
        current().ifPresent(m -> {
            synchronized (m) {
                m.queryCalls++;
                m.itemsEvaluated += evaluated;
            }
        });
    }

    /** The page ran out of its read budget. */
    public static void partialPage() {
        current().ifPresent(m -> {
            synchronized (m) {
                m.partial = true;
            }
        });
    }

    /** Objects the request meant to delete and could not (after retries): each is stored with nothing holding it. */
    public static void orphanedObjects(int count) {
        if (count <= 0) return;
        current().ifPresent(m -> {
            synchronized (m) {
                m.orphanedObjects += count;
            }
        });
    }

    private synchronized void add(ConsumedCapacity capacity, boolean isRead) {
        if (capacity == null) return;
        // DynamoDB splits TOTAL into read and write units; an emulator (dynalite) may give only the sum, whose kind
        // is then the operation's own.
        if (capacity.readCapacityUnits() != null || capacity.writeCapacityUnits() != null) {
            readUnits += capacity.readCapacityUnits() == null ? 0 : capacity.readCapacityUnits();
            writeUnits += capacity.writeCapacityUnits() == null ? 0 : capacity.writeCapacityUnits();
        } else if (capacity.capacityUnits() != null) {
            if (isRead) readUnits += capacity.capacityUnits();
            else writeUnits += capacity.capacityUnits();
        }
    }

    public synchronized double readUnits() { return readUnits; }

    public synchronized double writeUnits() { return writeUnits; }

    public synchronized int queryCalls() { return queryCalls; }

    public synchronized int itemsEvaluated() { return itemsEvaluated; }

    public synchronized boolean partial() { return partial; }

    public synchronized int orphanedObjects() { return orphanedObjects; }
}
