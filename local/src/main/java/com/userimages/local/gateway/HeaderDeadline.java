package com.userimages.local.gateway;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A new connection must complete its first request's headers within the header timeout, or it is
 * closed without a response. The idle timeout alone would let a client that sends one byte every
 * few seconds keep a connection forever; this deadline counts from the connection's opening.
 */
final class HeaderDeadline implements Connection.Listener {
    private final Scheduler scheduler;
    private final Duration timeout;
    private final Map<Connection, Scheduler.Task> pending = new ConcurrentHashMap<>();

    HeaderDeadline(Scheduler scheduler, Duration timeout) {
        this.scheduler = scheduler;
        this.timeout = timeout;
    }

    @Override
    public void onOpened(Connection connection) {
        pending.put(connection, scheduler.schedule(() -> {
            if (pending.remove(connection) != null) connection.getEndPoint().close();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /** The handler runs only once the headers are complete. */
    void headersComplete(Connection connection) {
        Scheduler.Task task = pending.remove(connection);
        if (task != null) task.cancel();
    }

    @Override
    public void onClosed(Connection connection) {
        headersComplete(connection);
    }
}
