package com.userimages.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts one fresh process and times it, from just before the start to the moment {@link Until} says. */
final class Launch {
    /** What ends the timed part. */
    enum Until {
        /** A probe's {@code FIRST status} line: init plus one call; its warm calls follow untimed. */
        PROBE_FIRST_RESPONSE,
        /** The process's exit ({@code invoke}: start, one function call, stop). */
        EXIT,
        /** The local server's banner, then the answer to one {@code GET /collections} with its printed token. */
        SERVER_FIRST_REQUEST
    }

    /**
     * @param ms         the timed part, in milliseconds
     * @param status     the HTTP status of the first response
     * @param probe      the probe's RESULT fields (initMs primeMs firstMs warmP50Ms heapMb status), or null
     * @param phaseMarks the probe's PHASES uptimes (after init, after the first call), or null
     */
    record Result(double ms, int status, double[] probe, double[] phaseMarks) {}

    private static final Pattern STATUS_CODE = Pattern.compile("\"statusCode\"\\s*:\\s*(\\d{3})");
    /** The local server's banner line with its address. */
    static final Pattern SERVER_URL = Pattern.compile("^user-images local API on (http://\\S+)$");

    private Launch() {}

    static Result run(List<String> command, Map<String, String> env, Until until) throws IOException, InterruptedException {
        ProcessBuilder pb = processBuilder(command);
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        List<String> lines = new ArrayList<>();
        double ms = -1;
        int status = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            if (until == Until.SERVER_FIRST_REQUEST) {
                URI base = null;
                String token = null;
                boolean tokenNext = false;
                while ((line = out.readLine()) != null) {
                    lines.add(line);
                    Matcher url = SERVER_URL.matcher(line);
                    if (url.matches()) base = URI.create(url.group(1));
                    if (tokenNext) token = line.trim();
                    tokenNext = line.startsWith("Token for sub ");
                    if (line.startsWith("Ctrl-C ")) break; // the banner's last line, whether or not Ctrl-C can stop it
                }
                if (base == null || token == null) throw failure(command, lines, "no URL or token in the banner");
                status = get(base, "/collections", token);
                ms = (System.nanoTime() - start) / 1e6;
                // SIGTERM (the server stops with exit code 0); unlike Process.destroy it leaves the output to drain.
                p.toHandle().destroy();
            }
            while ((line = out.readLine()) != null) {
                lines.add(line);
                if (until == Until.PROBE_FIRST_RESPONSE && line.startsWith("FIRST ") && ms < 0) {
                    ms = (System.nanoTime() - start) / 1e6;
                    status = Integer.parseInt(line.substring(6).trim());
                }
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw failure(command, lines, "did not end");
        }
        if (until == Until.EXIT) {
            ms = (System.nanoTime() - start) / 1e6;
            Matcher code = STATUS_CODE.matcher(String.join("\n", lines));
            if (code.find()) status = Integer.parseInt(code.group(1));
        }
        if (p.exitValue() != 0 || ms < 0) throw failure(command, lines, "exit code " + p.exitValue());
        return new Result(ms, status, fields(lines, "RESULT "), fields(lines, "PHASES "));
    }

    /** Output and errors on one stream, and none of the developer's settings the local tools would read. */
    static ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        // The local tools read these from the environment; a developer's shell must not redirect them.
        for (String name : List.of("PORT", "DYNAMODB_ENDPOINT", "JWKS_URL", "JWT_ISSUER", "JWT_AUDIENCE")) pb.environment().remove(name);
        return pb;
    }

    /** One HTTP/1.1 GET on a plain socket: nothing for the bench's own JVM to load or warm first. */
    private static int get(URI base, String path, String token) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)).readLine();
            if (statusLine == null || statusLine.length() < 12) throw new IOException("no HTTP answer: " + statusLine);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    private static double[] fields(List<String> lines, String prefix) {
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                String[] f = line.substring(prefix.length()).trim().split(" ");
                double[] values = new double[f.length];
                for (int i = 0; i < f.length; i++) values[i] = Double.parseDouble(f[i]);
                return values;
            }
        }
        return null;
    }

    private static IllegalStateException failure(List<String> command, List<String> lines, String why) {
        int from = Math.max(0, lines.size() - 15);
        return new IllegalStateException(String.join(" ", command) + ": " + why + "\n" + String.join("\n", lines.subList(from, lines.size())));
    }
}
