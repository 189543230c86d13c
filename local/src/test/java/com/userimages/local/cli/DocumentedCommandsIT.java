package com.userimages.local.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local tools as the README and docs/local-development.md print them, pasted into a shell at the
 * repository root after the build (failsafe: the jar and its AOT cache exist). Their stdout is a
 * program's input — invoke's response piped to jq, the console read by a script — so no JVM line
 * may reach it: with the AOT cache JDK 25 prints its warnings on stdout unless told otherwise.
 */
class DocumentedCommandsIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path CACHE = ROOT.resolve("local/target/user-images-local.aot");
    private static final ObjectMapper STRICT = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @BeforeAll
    static void theBuildMadeItsCache() throws IOException {
        assumeFalse(Boolean.getBoolean("exec.skip"), "built with -Dexec.skip: no AOT cache to run the commands with");
        assertTrue(Files.exists(CACHE) && Files.size(CACHE) > 0, "the build made no AOT cache (" + CACHE
                + "): see local/target/aot-training.log");
    }

    @Test
    void invokeAsDocumentedPrintsTheResponseAloneOnStdout(@TempDir Path db) throws Exception {
        assertStdoutIsTheResponseAlone(ROOT, db);
    }

    /**
     * A cache the JVM cannot read makes it print errors at start, which must not reach stdout either:
     * here a cache cut short, as a build that is rewriting it leaves it to a tool started meanwhile
     * (a cache of another JDK build is refused alike). A copy of the repository's launch files, so
     * the build's own jar and cache stay as they are.
     */
    @Test
    void invokeAsDocumentedPrintsTheResponseAloneWhenTheJvmCannotUseTheCache(@TempDir Path copy, @TempDir Path db) throws Exception {
        for (String file : List.of("run", ".mvn/find-jdk-25", "local/jvm.options", "docs/local-development.md")) {
            Files.createDirectories(copy.resolve(file).getParent());
            Files.copy(ROOT.resolve(file), copy.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }
        Path target = Files.createDirectories(copy.resolve("local/target"));
        Files.createSymbolicLink(target.resolve("user-images-local.jar"), ROOT.resolve("local/target/user-images-local.jar"));
        Files.createSymbolicLink(target.resolve("lib"), ROOT.resolve("local/target/lib"));
        Files.createSymbolicLink(copy.resolve("events"), ROOT.resolve("events"));
        try (InputStream cache = Files.newInputStream(CACHE)) {
            Files.write(target.resolve("user-images-local.aot"), cache.readNBytes(4096));
        }
        Files.copy(ROOT.resolve("local/target/jdk-home"), target.resolve("jdk-home"));
        assertStdoutIsTheResponseAlone(copy, db);
    }

    private static void assertStdoutIsTheResponseAlone(Path root, Path db) throws Exception {
        String command = bashLines(root.resolve("docs/local-development.md")).stream()
                .filter(line -> line.contains(" invoke ")).findFirst().orElseThrow()
                .replace("events/FILE.json", "events/create-collection.json")
                .replace("--db-path .local-db", "--db-path " + db);
        Process process = shell(root, command);
        process.getOutputStream().close();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.errorReader(StandardCharsets.UTF_8)));
        String stdout = readAll(process.inputReader(StandardCharsets.UTF_8));
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), command);
        String context = command + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr.get(30, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), context);

        JsonNode response;
        try {
            response = STRICT.readTree(stdout);
        } catch (IOException e) {
            throw new AssertionError("stdout is not exactly one JSON response: " + context, e);
        }
        assertEquals(201, response.path("statusCode").asInt(), context);
        assertEquals(1, stdout.lines().count(), "one line, the response: " + context);
    }

    @Test
    void theServerAsTheReadmeStartsItPrintsNoJvmLineOnItsConsole() throws Exception {
        List<String> run = bashLines(ROOT.resolve("README.md"));
        String command = run.stream().filter(line -> line.startsWith("./run")).findFirst().orElseThrow() + " --port 0";
        Process process = shell(ROOT, command);
        process.getOutputStream().close();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.errorReader(StandardCharsets.UTF_8)));
        List<String> console = new ArrayList<>();
        try {
            BufferedReader stdout = process.inputReader(StandardCharsets.UTF_8);
            for (String line; (line = stdout.readLine()) != null; ) {
                console.add(line);
                if (line.startsWith("Ctrl-C ")) break; // the banner's last line, whether or not Ctrl-C can stop it
            }
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
        }
        String context = command + "\nconsole:\n" + String.join("\n", console) + "\nstderr:\n" + stderr.get(30, TimeUnit.SECONDS);
        assertNotNull(console.stream().filter(l -> l.startsWith("Ctrl-C ")).findFirst().orElse(null), context);
        // Unified logging's decorations ([0.025s][warning][aot] ...), the VM's own "OpenJDK 64-Bit Server VM warning:".
        for (String line : console) {
            assertTrue(!line.matches("^\\[[0-9.]+s\\]\\[.*") && !line.contains("VM warning"), "a JVM line on the console: " + line + "\n" + context);
        }
    }

    /** The command in a non-login bash at the repository root, as a reader pastes it. */
    private static Process shell(Path root, String command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", command).directory(root.toFile());
        // A plain `java` in a documented line finds the JDK 25 this build used.
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        // The build is this one: ./run must not start a second, nested one.
        builder.environment().put("USER_IMAGES_NO_BUILD", "1");
        return builder.start();
    }

    /** The non-blank lines of every bash block in the file. */
    private static List<String> bashLines(Path markdown) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean inBash = false;
        for (String line : Files.readAllLines(markdown, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) inBash = !inBash && line.equals("```bash");
            else if (inBash && !line.isBlank()) lines.add(line);
        }
        return lines;
    }

    private static String readAll(BufferedReader reader) {
        StringBuilder text = new StringBuilder();
        try (reader) {
            for (String line; (line = reader.readLine()) != null; ) text.append(line).append('\n');
        } catch (IOException e) {
            text.append("(read failed: ").append(e).append(")\n");
        }
        return text.toString();
    }
}
