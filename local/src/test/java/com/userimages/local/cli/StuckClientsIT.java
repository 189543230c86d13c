package com.userimages.local.cli;

import com.userimages.local.gateway.GatewayLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that never finish a request, over raw sockets, against a gateway with 1 s limits and a
 * cap of 4 connections: each is closed or answered in time, and none keeps the others waiting.
 */
class StuckClientsIT {
    static final Duration LIMIT = Duration.ofSeconds(1);
    static final int MAX_CONNECTIONS = 4;
    @RegisterExtension
    static final InProcessServerExtension local = InProcessServerExtension.withEchoHandlers(new GatewayLimits(LIMIT, LIMIT, LIMIT, MAX_CONNECTIONS));

    private String get(String path) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + local.token("alice", null) + "\r\n\r\n";
    }

    /** The head of alice's create, its body framed by {@code framing} (one header line or more). */
    private static String createHead(String framing) {
        return "POST /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + local.token("alice", null)
                + "\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n";
    }

    /** The gateway's answer to a body that did not arrive in time. */
    private static void assertRequestTimeout(RawHttp.Response response) {
        assertEquals(408, response.status(), response.raw());
        assertEquals("{\"message\":\"Request Timeout\"}", response.body());
    }

    @Test
    void headersThatNeverEndAreClosedWithoutAResponse() throws Exception {
        try (RawHttp http = new RawHttp(local.base())) {
            http.send("GET /collections HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            RawHttp.ClosedOutcome outcome = http.awaitClose(5_000);
            assertTrue(outcome.closed(), "still open after 5 s");
            assertEquals("", outcome.sent());
        }
    }

    @Test
    void headersSentOneByteAtATimeStillMeetTheDeadline() throws Exception {
        // Each byte comes well within the idle timeout; only the deadline from the connection's start ends it.
        try (RawHttp http = new RawHttp(local.base())) {
            long started = System.nanoTime();
            boolean closed = false;
            String header = "GET /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(200);
            for (int i = 0; i < header.length() && !closed; i++) {
                try {
                    http.send(header.substring(i, i + 1));
                } catch (IOException reset) {
                    closed = true;
                }
                Thread.sleep(100);
                if (System.nanoTime() - started > 6_000_000_000L) break;
            }
            RawHttp.ClosedOutcome outcome = http.awaitClose(2_000);
            assertTrue(closed || outcome.closed(), "a dribbling client kept its connection");
            assertEquals("", outcome.sent());
            assertTrue((System.nanoTime() - started) / 1_000_000 < 4_000, "closed late");
        }
    }

    @Test
    void everyRequestOnAKeptAliveConnectionMeetsTheHeaderDeadline() throws Exception {
        // The first requests' headers come whole; the third one's dribble in, each byte well within the
        // idle timeout: only a deadline counted from that request's first byte ends it.
        try (RawHttp http = new RawHttp(local.base())) {
            assertEquals(200, http.send(get("/collections")).read().status());
            assertEquals(200, http.send(get("/collections")).read().status(), "kept alive between requests");
            long started = System.nanoTime();
            boolean closed = dribble(http, "GET /collections HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(200), started);
            RawHttp.ClosedOutcome outcome = http.awaitClose(2_000);
            assertTrue(closed || outcome.closed(), "a dribbling client kept its kept-alive connection");
            assertEquals("", outcome.sent());
            assertTrue((System.nanoTime() - started) / 1_000_000 < 4_000, "closed late");
        }
    }

    /** Sends one byte every 100 ms for at most 6 s; true when the server closed the connection meanwhile. */
    private static boolean dribble(RawHttp http, String text, long started) throws InterruptedException {
        for (int i = 0; i < text.length(); i++) {
            try {
                http.send(text.substring(i, i + 1));
            } catch (IOException reset) {
                return true;
            }
            Thread.sleep(100);
            if (System.nanoTime() - started > 6_000_000_000L) break;
        }
        return false;
    }

    private static void dribbleUntilInterrupted(RawHttp http, String text, long started) {
        try {
            dribble(http, text, started);
        } catch (InterruptedException stopped) {
            // the test has its answer
        }
    }

    @Test
    void aBodyThatTricklesPastTheDeadlineIsA408() throws Exception {
        // One byte every 100 ms never trips the idle timeout; 200 bytes would take 20 s.
        assertATrickledBodyIsA408("Content-Length: 200", "x".repeat(200));
    }

    @Test
    void aChunkedBodyThatTricklesPastTheDeadlineIsA408() throws Exception {
        assertATrickledBodyIsA408("Transfer-Encoding: chunked", "1\r\nx\r\n".repeat(60));
    }

    /** A create whose body, framed by {@code framing}, arrives a byte at a time: 408 at the body deadline. */
    private static void assertATrickledBodyIsA408(String framing, String body) throws Exception {
        try (RawHttp http = new RawHttp(local.base())) {
            http.send(createHead(framing));
            long started = System.nanoTime();
            Thread trickle = Thread.ofVirtual().start(() -> dribbleUntilInterrupted(http, body, started));
            try {
                assertRequestTimeout(http.read());
                assertTrue((System.nanoTime() - started) / 1_000_000 < 5_000, "answered late");
            } finally {
                trickle.interrupt();
            }
        }
    }

    @Test
    void aBodyThatStallsIsA408() throws Exception {
        try (RawHttp http = new RawHttp(local.base())) {
            http.send(createHead("Content-Length: 100") + "{\"images\":");
            long started = System.nanoTime();
            assertRequestTimeout(http.read());
            assertTrue((System.nanoTime() - started) / 1_000_000 < 4_000, "answered late");
        }
    }

    @Test
    void aMissingChunkIsA408Too() throws Exception {
        try (RawHttp http = new RawHttp(local.base())) {
            assertRequestTimeout(http.send(createHead("Transfer-Encoding: chunked") + "5\r\n{\"ima\r\n").read());
        }
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        try (RawHttp http = new RawHttp(local.base())) {
            assertEquals(200, http.send(get("/collections")).read().status());
            assertEquals(200, http.send(get("/collections")).read().status(), "kept alive between requests");
            RawHttp.ClosedOutcome outcome = http.awaitClose(5_000);
            assertTrue(outcome.closed(), "an idle connection stayed open");
            assertTrue(outcome.afterMillis() >= 500, "closed before the idle timeout: " + outcome.afterMillis());
        }
    }

    @Test
    void connectionsAreCappedAndTheCapFreesUp() throws Exception {
        List<RawHttp> idle = new ArrayList<>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) idle.add(new RawHttp(local.base()));
            Thread.sleep(200);
            try (RawHttp extra = new RawHttp(local.base())) {
                // Accepted by the kernel's backlog, but not served while the cap is reached...
                extra.send(get("/collections"));
                extra.socket.setSoTimeout(500);
                assertFalse(answeredWithin(extra), "served beyond the cap");
                // ...and served once the stuck ones are gone (here, closed by the header deadline).
                extra.socket.setSoTimeout(10_000);
                RawHttp.Response response = extra.read();
                assertEquals(200, response.status(), response.raw());
            }
        } finally {
            for (RawHttp http : idle) http.close();
        }
    }

    /** True when a byte arrives within the socket's timeout. */
    private static boolean answeredWithin(RawHttp http) throws IOException {
        try {
            return http.socket.getInputStream().read() >= 0;
        } catch (java.net.SocketTimeoutException notYet) {
            return false;
        }
    }

    @Test
    void expectContinueWithAnOversizedLengthIsRefusedAtOnce() throws Exception {
        try (RawHttp http = new RawHttp(local.base())) {
            RawHttp.Response response = http.send(createHead("Content-Length: 52428800\r\nExpect: 100-continue")).read();
            assertEquals(413, response.status(), "no 100 Continue first: " + response.raw());
            assertEquals("{\"message\":\"Request Entity Too Large\"}", response.body());
        }
    }

    @Test
    void expectContinueWithinTheLimitIsServed() throws Exception {
        try (RawHttp http = new RawHttp(local.base())) {
            String body = "{\"images\":[]}";
            http.send(createHead("Content-Length: " + body.length() + "\r\nExpect: 100-continue"));
            RawHttp.Response interim = http.read();
            assertEquals(100, interim.status(), interim.raw());
            http.send(body);
            assertEquals(200, http.read().status());
        }
    }
}
