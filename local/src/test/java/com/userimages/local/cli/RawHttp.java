package com.userimages.local.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte as the test writes it: what no well-behaved client
 * sends (bad percent-encoding, absurd lengths, broken chunks, headers that never end).
 */
final class RawHttp implements AutoCloseable {
    /** A parsed response; {@code raw} is everything read, for messages. */
    record Response(int status, Map<String, String> headers, String body, String raw) {
        String header(String name) { return headers.get(name.toLowerCase(Locale.ROOT)); }
    }

    final Socket socket;
    private final InputStream in;

    RawHttp(URI base) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
    }

    RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    RawHttp send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** One response (status line, headers, a Content-Length body); fails when none comes within 10 s. */
    Response read() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) throw new IOException("closed before a whole response; got: " + head.toString(StandardCharsets.ISO_8859_1));
            head.write(b);
        }
        String headText = head.toString(StandardCharsets.ISO_8859_1);
        String[] lines = headText.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = new byte[0];
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        }
        String bodyText = new String(body, StandardCharsets.UTF_8);
        return new Response(status, headers, bodyText, headText + bodyText);
    }

    /**
     * Waits for the server to close the connection: true when it did within the time, having sent
     * nothing (what it sent, if anything, is in the assertion message of the caller via {@code sent}).
     */
    ClosedOutcome awaitClose(long timeoutMillis) throws IOException {
        socket.setSoTimeout((int) timeoutMillis);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        long started = System.nanoTime();
        try {
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) >= 0) sent.write(buffer, 0, n);
            return new ClosedOutcome(true, sent.toString(StandardCharsets.ISO_8859_1), (System.nanoTime() - started) / 1_000_000);
        } catch (SocketTimeoutException stillOpen) {
            return new ClosedOutcome(false, sent.toString(StandardCharsets.ISO_8859_1), (System.nanoTime() - started) / 1_000_000);
        } catch (IOException reset) {
            // A reset is a close too.
            return new ClosedOutcome(true, sent.toString(StandardCharsets.ISO_8859_1), (System.nanoTime() - started) / 1_000_000);
        }
    }

    record ClosedOutcome(boolean closed, String sent, long afterMillis) {}

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
