package com.userimages.local.gateway;

import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body must arrive whole within the body timeout of the end of its headers, however it
 * trickles: the idle timeout alone restarts with every byte. Past the deadline the body's content
 * fails with a {@link TimeoutException} (the handler reading it answers 408, as for a stall past the
 * idle timeout), and a read waiting for more of it is woken at the deadline to find that failure.
 * A last chunk read in time completes the body whenever the deadline is.
 */
final class BodyDeadlineHandler extends Handler.Wrapper {
    private final Duration timeout;

    BodyDeadlineHandler(Duration timeout, Handler handler) {
        super(handler);
        this.timeout = timeout;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new DeadlineRequest(request, request.getHeadersNanoTime() + timeout.toNanos()), response, callback);
    }

    private static final class DeadlineRequest extends Request.Wrapper {
        private final long deadline;
        private volatile boolean expired;

        DeadlineRequest(Request request, long deadline) {
            super(request);
            this.deadline = deadline;
        }

        private boolean pastDeadline() {
            return expired || System.nanoTime() - deadline >= 0;
        }

        @Override
        public Content.Chunk read() {
            if (expired) return timedOut();
            Content.Chunk chunk = super.read();
            if (chunk == null) return pastDeadline() ? timedOut() : null;
            if (Content.Chunk.isFailure(chunk) || chunk.isLast() || !pastDeadline()) return chunk;
            chunk.release();
            return timedOut();
        }

        private Content.Chunk timedOut() {
            expired = true;
            return Content.Chunk.from(new TimeoutException("the body did not arrive in time"), true);
        }

        /** More of the body, or the deadline, whichever comes first, runs the demand once. */
        @Override
        public void demand(Runnable demandCallback) {
            long left = deadline - System.nanoTime();
            if (expired || left <= 0) {
                expired = true;
                demandCallback.run();
                return;
            }
            AtomicBoolean ran = new AtomicBoolean();
            Scheduler.Task timer = getComponents().getScheduler().schedule(() -> {
                expired = true;
                if (ran.compareAndSet(false, true)) demandCallback.run();
            }, left, TimeUnit.NANOSECONDS);
            super.demand(() -> {
                timer.cancel();
                if (ran.compareAndSet(false, true)) demandCallback.run();
            });
        }
    }
}
