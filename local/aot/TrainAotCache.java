import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The build's training run for the local tools' JDK 25 AOT cache (JEP 483/514/515), run by
 * exec-maven-plugin in {@code package} with the JVM that runs Maven: one {@code invoke} in a JVM with
 * {@code -XX:AOTCacheOutput}. A JVM of another build ignores the cache, so it is safe to ship.
 *
 * <p>First it drops the {@code Class-Path} attribute from DynamoDB Local's jar in {@code lib/}: it
 * names {@code .} (lib/ itself) and a {@code DynamoDBLocal_lib/} that the Maven layout does not
 * have, and the JVM neither writes nor uses an AOT cache while a non-empty directory is on the
 * class path. The jar is not signed, so nothing else changes.
 *
 * <p>Never fails the build: without a cache the tools start as before, so a failed training run
 * is a warning. Usage: {@code java TrainAotCache.java TARGET_DIR EVENT.json}.
 */
public final class TrainAotCache {
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]).toAbsolutePath();
        Path event = Path.of(args[1]).toAbsolutePath();
        Path jar = target.resolve("user-images-local.jar");
        Path cache = target.resolve("user-images-local.aot");
        Path log = target.resolve("aot-training.log");
        Files.deleteIfExists(cache);
        try (var libs = Files.newDirectoryStream(target.resolve("lib"), "DynamoDBLocal-*.jar")) {
            for (Path lib : libs) dropClassPath(lib);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process training = new ProcessBuilder(java, "-XX:AOTCacheOutput=" + cache, "-jar", jar.toString(),
                "invoke", "append-collection", "-e", event.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        training.getOutputStream().close(); // no standard input, as in CI
        boolean ended = training.waitFor(180, TimeUnit.SECONDS);
        if (!ended) training.destroyForcibly().waitFor();
        if (ended && training.exitValue() == 0 && Files.exists(cache)) {
            System.out.printf("AOT cache for the local tools: %s (%d MB)%n", cache, Files.size(cache) >> 20);
        } else {
            Files.deleteIfExists(cache);
            System.out.println("[WARNING] no AOT cache for the local tools (training run failed, see " + log
                    + "); they start without one");
        }
    }

    private static void dropClassPath(Path jar) throws IOException {
        Manifest manifest;
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            manifest = in.getManifest();
        }
        if (manifest == null || manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH) == null) return;
        manifest.getMainAttributes().remove(Attributes.Name.CLASS_PATH);
        Path rewritten = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar));
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(rewritten), manifest)) {
            for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
                out.putNextEntry(new JarEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}
