package com.userimages.core.service;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * How a write that keeps losing races waits before it tries again: a random pause ("full jitter":
 * anywhere from nothing to a cap that doubles with each retry), so writers that collided once do
 * not collide again in lockstep, within a total time budget after which the caller gives up. The
 * clock and the sleep are handed in, so a test can run a whole budget without waiting for it.
 */
public final class RetryPacing {
    /** API.md: an image delete refused by concurrent changes is retried for up to 1 s, then 409. */
    public static final Duration IMAGE_DELETE_BUDGET = Duration.ofSeconds(1);
    /** The cap of the first pause; a DynamoDB write takes a few milliseconds, so a loser rarely waits longer. */
    static final Duration FIRST_PAUSE_CAP = Duration.ofMillis(10);
    /** No single pause is longer, so a budget of 1 s still holds several retries however unlucky. */
    static final Duration MAX_PAUSE = Duration.ofMillis(200);

    /** Waits; an interrupted wait ends the retries. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public RetryPacing(LongSupplier nanoTime, Sleeper sleeper, RandomGenerator random) {
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.random = random;
    }

    /** Real time, real sleeps, each thread's own random numbers. */
    public static RetryPacing system() {
        return new RetryPacing(System::nanoTime, nanos -> Thread.sleep(Duration.ofNanos(nanos)), null);
    }

    /** A budget of {@code total}, starting now. */
    public Budget start(Duration total) {
        return new Budget(nanoTime.getAsLong() + total.toNanos());
    }

    /** One request's retries. */
    public final class Budget {
        private final long deadline;
        private int pauses;

        private Budget(long deadline) {
            this.deadline = deadline;
        }

        /**
         * Waits a jittered pause before the next retry and answers true, or answers false at once
         * when the budget is spent (the caller then gives up). A pause never runs past the deadline;
         * the retry after it still runs.
         */
        public boolean pauseBeforeRetry() {
            long remaining = deadline - nanoTime.getAsLong();
            if (remaining <= 0) return false;
            long cap = Math.min(MAX_PAUSE.toNanos(), FIRST_PAUSE_CAP.toNanos() << Math.min(pauses, 20));
            pauses++;
            RandomGenerator r = random == null ? ThreadLocalRandom.current() : random;
            long pause = Math.min(r.nextLong(cap + 1), remaining);
            try {
                sleeper.sleep(pause);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** How many pauses this budget has waited. */
        public int pauses() {
            return pauses;
        }
    }
}
