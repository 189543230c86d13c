package com.userimages.handlers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed corpus is exactly what its generator writes: a case added to one and not the other
 * fails here. The generator needs only Python's standard library; CI has Python (the template
 * checks use it), a machine without it skips this one test with a reason.
 */
class HostileCorpusIsCurrentIT {
    private static final Path HOSTILE = Path.of("src/test/resources/hostile");

    @Test
    void theCommittedCorpusIsWhatTheGeneratorWrites(@TempDir Path out) throws Exception {
        assumeTrue(pythonAvailable(), "python3 is not on PATH: the corpus cannot be regenerated here");
        Path written = out.resolve("corpus.json");
        Process generator = new ProcessBuilder("python3", HOSTILE.resolve("generate_corpus.py").toString(), written.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(generator.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, generator.waitFor(), output);
        assertArrayEquals(Files.readAllBytes(HOSTILE.resolve("corpus.json")), Files.readAllBytes(written),
                "corpus.json differs from what generate_corpus.py writes: run python3 " + HOSTILE.resolve("generate_corpus.py")
                        + " and commit both");
    }

    private static boolean pythonAvailable() {
        try {
            Process probe = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
