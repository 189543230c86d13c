package com.userimages.infra;

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
 * work pasted into a new shell, it names every route, and it links nothing outside the repository.
 */
class ReadmeTest {
    private static final Path ROOT = Synth.repoRoot();
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
        assertTrue(command.getFirst().contains("mvn -B -ntp verify"), command.getFirst());
    }

    @Test
    void bothCommandsSetJdk25ThemselvesSoTheyWorkPastedIntoANewShell() throws IOException {
        String readme = readme();
        for (String heading : List.of("## Run locally", "## Run every test")) {
            List<String> command = firstBashBlock(readme, heading);
            assertEquals(1, command.size(), heading + ": one command: " + command);
            assertTrue(command.getFirst().startsWith("export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 PATH=/usr/lib/jvm/temurin-25-jdk-amd64/bin:$PATH; "),
                    heading + ": " + command.getFirst());
        }
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
