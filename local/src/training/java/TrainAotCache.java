import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The build's training run for the local tools' JDK 25 AOT cache (JEP 483/514/515), run by
 * exec-maven-plugin in {@code package} on the build's toolchain JDK: the local server in a JVM with
 * the tools' own flags ({@code local/jvm.options}, which {@code ./run} passes too) and
 * {@code -XX:AOTCacheOutput}, a short scripted session through its authorizer, then SIGTERM. The
 * server's classes are a superset of {@code invoke}'s, so one cache serves both. A JVM of another
 * build ignores the cache, so it is safe to ship; {@code TARGET_DIR/jdk-home} names the JDK that
 * made it, which {@code ./run} starts the tools on.
 *
 * <p>Never fails the build: without a cache the tools start as before, so a failed training run
 * is a warning. Usage: {@code java TrainAotCache.java TARGET_DIR JVM_OPTIONS_FILE}.
 */
public final class TrainAotCache {
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]).toAbsolutePath();
        Path jar = target.resolve("user-images-local.jar");
        Path cache = target.resolve("user-images-local.aot");
        Path log = target.resolve("aot-training.log");
        Path jvmOptions = Path.of(args[1]).toAbsolutePath();
        Files.deleteIfExists(cache);
        // Written first, whatever the training run does: it also marks when the build last ran.
        Files.writeString(target.resolve("jdk-home"), System.getProperty("java.home") + "\n", StandardCharsets.UTF_8);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder server = new ProcessBuilder(java, "@" + jvmOptions, "-XX:AOTCacheOutput=" + cache, "-jar", jar.toString(), "--port", "0")
                .redirectErrorStream(true);
        // The server reads these; a developer's shell must not point the training run elsewhere.
        for (String name : List.of("PORT", "DYNAMODB_ENDPOINT", "S3_ENDPOINT", "IMAGES_BUCKET", "JWKS_URL", "JWT_ISSUER", "JWT_AUDIENCE")) server.environment().remove(name);
        boolean trained = false;
        try (PrintStream out = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            Process process = server.start();
            process.getOutputStream().close(); // no standard input, as in CI
            // A server that never gets to its banner must not hang the build.
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    if (!process.waitFor(240, TimeUnit.SECONDS)) process.destroyForcibly();
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                }
            });
            try {
                trained = train(process, out);
            } catch (Exception e) {
                e.printStackTrace(out);
            } finally {
                if (process.isAlive()) process.destroyForcibly();
            }
        }
        if (trained && Files.exists(cache)) {
            System.out.printf("AOT cache for the local tools: %s (%d MB)%n", cache, Files.size(cache) >> 20);
        } else {
            Files.deleteIfExists(cache);
            System.out.println("[WARNING] no AOT cache for the local tools (training run failed, see " + log
                    + "); they start without one");
        }
    }

    /**
     * A short scripted session: the banner, then each function once through the authorizer (create,
     * append, read, list), then SIGTERM, on which the server exits 0 and the JVM writes the cache.
     */
    private static boolean train(Process process, PrintStream log) throws Exception {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        URI base = null;
        String token = null;
        boolean tokenNext = false;
        for (String line; (line = lines.readLine()) != null; ) {
            log.println(line);
            if (line.startsWith("user-images local API on ")) base = URI.create(line.substring(25).trim());
            if (tokenNext) token = line.trim();
            tokenNext = line.startsWith("Token for sub ");
            if (line.startsWith("Ctrl-C ")) break; // the banner's last line, whether or not Ctrl-C can stop it
        }
        if (base == null || token == null) return false;
        Thread drain = Thread.ofPlatform().daemon().start(() -> lines.lines().forEach(log::println));
        String image = "{\"images\":[{\"imageId\":\"" + UUID.randomUUID() + "\",\"url\":\"https://example.com/a.png\"}]}";
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> created = send(http, log, request(base + "/collections", token)
                    .POST(BodyPublishers.ofString("{\"images\":[{\"url\":\"https://example.com/cat.jpg\"}]}")).build());
            String collection = base + created.headers().firstValue("location").orElse("/collections/" + UUID.randomUUID());
            send(http, log, request(collection + "/images", token).POST(BodyPublishers.ofString(image)).build());
            send(http, log, request(collection, token).GET().build());
            send(http, log, request(base + "/collections?limit=5", token).GET().build());
            send(http, log, request(base + "/collections", "not-a-token").GET().build());
        }
        process.toHandle().destroy();
        boolean ended = process.waitFor(180, TimeUnit.SECONDS);
        drain.join(5_000);
        return ended && process.exitValue() == 0;
    }

    private static HttpResponse<String> send(HttpClient http, PrintStream log, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, BodyHandlers.ofString());
        log.println(request.method() + " " + request.uri().getPath() + " -> " + response.statusCode());
        return response;
    }

    private static HttpRequest.Builder request(String uri, String token) {
        return HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60));
    }
}
