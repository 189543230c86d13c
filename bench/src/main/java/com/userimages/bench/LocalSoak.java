package com.userimages.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded soak of the local server (no leak of memory, threads or descriptors under load): the server started as the README
 * starts it ({@code java -jar local/target/user-images-local.jar}, its own process with dynalite
 * inside), then 20,000 mixed requests from a few concurrent clients — creates, appends, gets, list
 * pages followed by their tokens, deletes, bad requests and bad tokens — each checked for the status
 * it must get. Prints throughput, latency percentiles and the server process's RSS, live heap after
 * a full GC, threads and open file descriptors before and after. Not a test: figures, not verdicts.
 *
 * <p>Arguments (all optional): total requests (20000), clients (4), the server jar.
 */
public final class LocalSoak {
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern COLLECTION_ID = Pattern.compile("\"imagesCollectionId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern NEXT_TOKEN = Pattern.compile("\"nextToken\"\\s*:\\s*\"([^\"]+)\"");

    private LocalSoak() {}

    /** One process's figures at a moment. */
    record Snapshot(long rssKb, long liveHeapKb, int threads, int fds, long engineRssKb) {}

    /** What each kind of request got: count, wrong statuses, latencies. */
    static final class Kind {
        final AtomicInteger count = new AtomicInteger();
        final AtomicInteger wrong = new AtomicInteger();
        final List<Long> nanos = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicReference<String> firstWrong = new AtomicReference<>();
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Path jar = Path.of(args.length > 2 ? args[2] : "local/target/user-images-local.jar");
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " not found: run mvn -B -q -DskipTests package first");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        Process server = Launch.processBuilder(List.of(java, "@local/jvm.options", "-jar", jar.toString(), "--port", "0")).start();
        try {
            BufferedReader console = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            URI base = awaitBanner(console);
            AtomicInteger consoleLines = new AtomicInteger();
            // The server's console is read throughout, or a full pipe would stall it.
            Thread.ofPlatform().daemon().start(() -> drain(console, consoleLines));

            HttpClient setup = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            List<String> tokens = new ArrayList<>();
            for (int c = 0; c < clients; c++) tokens.add(mintToken(setup, base, "soak-" + c + "-" + UUID.randomUUID()));
            Snapshot before = snapshot(server.pid());

            Map<String, Kind> kinds = new ConcurrentHashMap<>();
            int perClient = total / clients;
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            CountDownLatch startLine = new CountDownLatch(1);
            List<CompletableFuture<Void>> runs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String token = tokens.get(c);
                runs.add(CompletableFuture.runAsync(() -> {
                    try {
                        startLine.await();
                        client(base, token, perClient, kinds);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, pool));
            }
            long started = System.nanoTime();
            startLine.countDown();
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).join();
            double seconds = (System.nanoTime() - started) / 1e9;
            pool.shutdown();
            setup.close();
            Snapshot afterLoad = snapshot(server.pid());
            // The clients have closed their keep-alive connections; past the gateway's 30 s idle timeout
            // nothing of the load may be left.
            Thread.sleep(35_000);
            Snapshot afterClose = snapshot(server.pid());

            report(total, clients, seconds, kinds, before, afterLoad, afterClose, consoleLines.get());
        } finally {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) server.destroyForcibly();
        }
    }

    private static URI awaitBanner(BufferedReader out) throws IOException {
        String line;
        URI base = null;
        while ((line = out.readLine()) != null) {
            Matcher m = Launch.SERVER_URL.matcher(line.strip());
            if (m.matches()) base = URI.create(m.group(1));
            if (line.startsWith("Ready")) {
                if (base == null) throw new IllegalStateException("Ready before the URL line");
                return base;
            }
        }
        throw new IllegalStateException("the server ended before it was ready");
    }

    private static void drain(BufferedReader console, AtomicInteger lines) {
        try {
            while (console.readLine() != null) lines.incrementAndGet();
        } catch (IOException ended) {
            // The server was stopped.
        }
    }

    private static String mintToken(HttpClient http, URI base, String sub) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/local/token"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"sub\":\"" + sub + "\"}")).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) throw new IllegalStateException("no token: " + r.statusCode());
        return m.group(1);
    }

    /** One client: a fixed cycle of ten request kinds, each with the status it must get. */
    private static void client(URI base, String token, int requests, Map<String, Kind> kinds) throws Exception {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build()) {
            Deque<String> mine = new ArrayDeque<>();
            String nextToken = null;
            AtomicInteger sent = new AtomicInteger();
            // A kind that has nothing to act on yet (no collection, too few to delete) is skipped, so the
            // cycle runs on until exactly this client's share has been sent.
            for (int i = 0; sent.get() < requests; i++) {
                switch (i % 10) {
                    case 0, 1 -> {
                        HttpResponse<String> r = send(http, sent, kinds, "create", 201, post(base, "/collections", token,
                                "{\"images\":[{\"url\":\"https://soak.example/" + i + "/a.png\"},{\"url\":\"https://soak.example/" + i + "/b.png\"}]}"));
                        Matcher m = COLLECTION_ID.matcher(r.body());
                        if (m.find()) mine.addLast(m.group(1));
                    }
                    case 2 -> {
                        if (mine.isEmpty()) continue;
                        send(http, sent, kinds, "append", 200, post(base, "/collections/" + mine.peekLast() + "/images", token,
                                "{\"images\":[{\"url\":\"https://soak.example/" + i + "/c.png\"}]}"));
                    }
                    case 3, 4 -> {
                        if (mine.isEmpty()) continue;
                        send(http, sent, kinds, "get", 200, get(base, "/collections/" + mine.peekLast(), token));
                    }
                    case 5 -> {
                        String path = "/collections?limit=5" + (nextToken == null ? "" : "&nextToken=" + URLEncoder.encode(nextToken, StandardCharsets.UTF_8));
                        HttpResponse<String> r = send(http, sent, kinds, nextToken == null ? "list" : "list (next page)", 200, get(base, path, token));
                        Matcher m = NEXT_TOKEN.matcher(r.body());
                        nextToken = m.find() ? m.group(1) : null;
                    }
                    case 6 -> {
                        // Keeps each user's collections bounded; the oldest goes.
                        if (mine.size() < 20) continue;
                        send(http, sent, kinds, "delete", 204, HttpRequest.newBuilder(base.resolve("/collections/" + mine.pollFirst()))
                                .DELETE().header("Authorization", "Bearer " + token));
                    }
                    case 7 -> send(http, sent, kinds, "bad request (400)", 400, post(base, "/collections", token, "{images:[}"));
                    case 8 -> send(http, sent, kinds, "bad token (401)", 401, get(base, "/collections", token.substring(0, token.length() - 4) + "AAAA"));
                    default -> send(http, sent, kinds, "bad query (400)", 400, get(base, "/collections?limit=0", token));
                }
            }
        }
    }

    private static HttpRequest.Builder post(URI base, String path, String token, String json) {
        return HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token);
    }

    private static HttpRequest.Builder get(URI base, String path, String token) {
        return HttpRequest.newBuilder(base.resolve(path)).GET().header("Authorization", "Bearer " + token);
    }

    private static HttpResponse<String> send(HttpClient http, AtomicInteger sent, Map<String, Kind> kinds, String kind, int expected,
                                             HttpRequest.Builder request) throws IOException, InterruptedException {
        Kind k = kinds.computeIfAbsent(kind, x -> new Kind());
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        k.nanos.add(System.nanoTime() - t0);
        k.count.incrementAndGet();
        sent.incrementAndGet();
        if (r.statusCode() != expected) {
            k.wrong.incrementAndGet();
            k.firstWrong.compareAndSet(null, r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
        }
        return r;
    }

    /** RSS, threads and fds from /proc; the live heap from jcmd after a full GC. */
    static Snapshot snapshot(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String heap = jcmd(pid, "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(heap);
        long liveKb = used.find() ? Long.parseLong(used.group(1)) : -1;
        long rss = statusField(pid, "VmRSS:");
        int threads = (int) statusField(pid, "Threads:");
        int fds;
        try (var list = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds = (int) list.count();
        }
        // The engine is the server's child process (node): its memory is the server's too.
        long engineRss = 0;
        for (ProcessHandle child : ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of())) {
            if (child.info().command().map(c -> c.endsWith("node")).orElse(false)) engineRss += statusField(child.pid(), "VmRSS:");
        }
        return new Snapshot(rss, liveKb, threads, fds, engineRss);
    }

    private static long statusField(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith(field)) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        return -1;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return Double.NaN;
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static void report(int total, int clients, double seconds, Map<String, Kind> kinds, Snapshot before, Snapshot afterLoad,
                               Snapshot afterClose, int consoleLines) {
        List<Long> all = new ArrayList<>();
        int sent = 0;
        int wrong = 0;
        System.out.printf(Locale.ROOT, "%nLocal server soak: %d requests planned, %d clients, the server's own process (java @local/jvm.options -jar)%n%n", total, clients);
        System.out.println("| request | count | wrong status | p50 ms | p99 ms | max ms |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (var e : new java.util.TreeMap<>(kinds).entrySet()) {
            Kind k = e.getValue();
            long[] sorted = k.nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            all.addAll(k.nanos);
            sent += k.count.get();
            wrong += k.wrong.get();
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f |%n", e.getKey(), k.count.get(), k.wrong.get(),
                    percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0));
        }
        long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "| all | %d | %d | %.1f | %.1f | %.1f |%n%n", sent, wrong,
                percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0));
        System.out.printf(Locale.ROOT, "Throughput: %.0f requests/s (%d in %.1f s); console lines: %d%n%n", sent / seconds, sent, seconds, consoleLines);
        System.out.println("| server process | before | after the load | 35 s later (past the idle timeout) |");
        System.out.println("| --- | --- | --- | --- |");
        System.out.printf(Locale.ROOT, "| RSS MB | %.0f | %.0f | %.0f |%n", before.rssKb() / 1024.0, afterLoad.rssKb() / 1024.0, afterClose.rssKb() / 1024.0);
        System.out.printf(Locale.ROOT, "| engine (dynalite, node) RSS MB | %.0f | %.0f | %.0f |%n", before.engineRssKb() / 1024.0,
                afterLoad.engineRssKb() / 1024.0, afterClose.engineRssKb() / 1024.0);
        System.out.printf(Locale.ROOT, "| live heap after full GC MB | %.1f | %.1f | %.1f |%n", before.liveHeapKb() / 1024.0,
                afterLoad.liveHeapKb() / 1024.0, afterClose.liveHeapKb() / 1024.0);
        System.out.printf(Locale.ROOT, "| threads | %d | %d | %d |%n", before.threads(), afterLoad.threads(), afterClose.threads());
        System.out.printf(Locale.ROOT, "| open file descriptors | %d | %d | %d |%n", before.fds(), afterLoad.fds(), afterClose.fds());
        if (wrong > 0) {
            System.out.println();
            kinds.forEach((name, k) -> {
                if (k.firstWrong.get() != null) System.out.println("first wrong status for " + name + ": " + k.firstWrong.get());
            });
        }
    }
}
