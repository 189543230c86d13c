package com.userimages.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.ApiRoute;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README is the first thing a newcomer runs: its test command is the one CI runs, its commands
 * work pasted into a new shell whatever java is on PATH (no JDK path anywhere a reader copies from),
 * it names every route, and it links nothing outside the repository.
 */
class ReadmeTest {
    private static final Path ROOT = Repository.root();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    }

    /** The lines of the first {@code bash} block after the heading. */
    private static List<String> firstBashBlock(String readme, String heading) {
        int at = readme.indexOf("\n" + heading + "\n");
        assertTrue(at >= 0, "README has no heading " + heading);
        int start = readme.indexOf("```bash\n", at);
        int end = readme.indexOf("\n```", start + 8);
        List<String> lines = new ArrayList<>();
        for (String line : readme.substring(start + 8, end).split("\n")) if (!line.isBlank()) lines.add(line);
        return lines;
    }

    @Test
    void theTestCommandIsExactlyALineOfCiRun() throws IOException {
        List<String> command = firstBashBlock(readme(), "## Run every test");
        assertEquals(1, command.size(), "one command: " + command);
        List<String> ciRun = Files.readAllLines(ROOT.resolve(".ci/run"), StandardCharsets.UTF_8);
        assertTrue(ciRun.contains(command.getFirst()), ".ci/run must run the README's test command: " + command.getFirst());
        assertTrue(command.getFirst().contains("./mvnw -B -ntp verify"), command.getFirst());
    }

    @Test
    void bothCommandsFindTheJdkThemselvesSoTheyWorkWhateverJavaIsOnThePath() throws IOException {
        String readme = readme();
        List<String> run = firstBashBlock(readme, "## Run locally");
        List<String> test = firstBashBlock(readme, "## Run every test");
        assertEquals(List.of("./run"), run, "the run command is the repository's launcher, which finds the JDK 25 the build used");
        assertEquals(1, test.size(), "one command: " + test);
        assertTrue(test.getFirst().startsWith("./mvnw "), "the test command uses the wrapper, whose toolchain finds JDK 25: " + test);
    }

    /** A path a reader must edit, or an export a reader must copy, is what the wrapper and ./run replace. */
    @Test
    void noDocumentOrScriptNamesAJdkByItsPath() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md"), ROOT.resolve(".ci/run"),
                ROOT.resolve(".ci/smoke-local"), ROOT.resolve("infra/deploy.sh"), ROOT.resolve("infra/cdk.json"), ROOT.resolve("run")));
        try (var docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
        }
        Pattern jdkPath = Pattern.compile("/usr/lib/jvm/[A-Za-z0-9]|export JAVA_HOME=|JAVA_HOME=/");
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                assertTrue(!jdkPath.matcher(lines.get(i)).find(), ROOT.relativize(file) + ":" + (i + 1) + " names a JDK by its path: " + lines.get(i));
            }
        }
    }

    @Test
    void theCdkAppAndTheDeployScriptBuildThroughTheWrapper() throws IOException {
        assertTrue(Files.readString(ROOT.resolve("infra/cdk.json")).contains("\"app\": \"../mvnw "), "cdk.json's app runs ../mvnw");
        // cdk synth prints the template on stdout, and the app's stdout is the CLI's: the build's own
        // lines (npm ci, the preload lists) would land in front of it, and `cdk synth > t.yaml` not parse.
        assertTrue(Files.readString(ROOT.resolve("infra/cdk.json")).matches("(?s).*\"app\": \"[^\"]* 1>&2\".*"),
                "cdk.json's app sends the build's output to stderr");
        assertTrue(Files.readString(ROOT.resolve("infra/deploy.sh")).contains("../.mvn/find-jdk-25"), "deploy.sh says in one line when there is no JDK 25");
    }

    @Test
    void everyLinkStaysInsideTheRepository() throws IOException {
        Matcher links = LINK.matcher(readme());
        int count = 0;
        while (links.find()) {
            String target = links.group(1);
            count++;
            assertTrue(!target.contains("://") && !target.startsWith("/") && !target.contains(".."), "links outside the repository: " + target);
            String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
            if (!file.isEmpty()) assertTrue(Files.exists(ROOT.resolve(file)), "dead link: " + target);
        }
        assertTrue(count > 0, "the README links its contract files");
    }

    @Test
    void theRoutesTableNamesEveryRouteAndItsFunction() throws IOException {
        String readme = readme();
        for (ApiRoute route : ApiRoute.values()) {
            String row = "| `" + route.routeKey() + "` | " + route.function().functionName() + " |";
            assertTrue(readme.contains(row), "README's routes table lacks " + row);
        }
    }
}
