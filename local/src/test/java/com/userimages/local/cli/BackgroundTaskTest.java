package com.userimages.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {

    @Test
    void theWorkRunsOnItsOwnDaemonThreadWhileTheCallerGoesOn() throws Exception {
        CountDownLatch callerWentOn = new CountDownLatch(1);
        BackgroundTask<Thread> task = BackgroundTask.start("test-work", () -> {
            try {
                // Finishes only once the caller has gone on: start() must not have waited for it.
                assertTrue(callerWentOn.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return Thread.currentThread();
        });
        callerWentOn.countDown();
        Thread worker = task.await();
        assertNotEquals(Thread.currentThread(), worker);
        assertEquals("test-work", worker.getName());
        assertTrue(worker.isDaemon());
    }

    @Test
    void aFailureReachesTheAwaiterAsTheWorksOwnException() {
        IllegalStateException failure = new IllegalStateException("no key");
        BackgroundTask<String> task = BackgroundTask.start("test-failure", () -> { throw failure; });
        assertSame(failure, assertThrows(IllegalStateException.class, task::await));
    }

    @Test
    void theResultIsTheSameForEveryAwait() {
        BackgroundTask<Object> task = BackgroundTask.start("test-result", Object::new);
        assertSame(task.await(), task.await());
    }
}
