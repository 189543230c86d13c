package com.userimages.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Markdown document of the repository links only inside it, and every relative link resolves
 * to a file that exists: a document moved or renamed breaks the build, not a reader's first click.
 */
class DocumentLinksTest {
    private static final Path ROOT = Repository.root().toAbsolutePath().normalize();
    /** {@code [text](target)} outside code; a target never has spaces or parentheses here. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final int README_MAX_LINES = 250;

    static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>();
        for (String top : List.of("README.md", "API.md", "CONTRIBUTING.md", "CHANGELOG.md")) documents.add(ROOT.resolve(top));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    @Test
    void everyRelativeLinkResolvesInsideTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path document : documents()) {
            String text = withoutCode(Files.readString(document, StandardCharsets.UTF_8));
            Matcher link = LINK.matcher(text);
            while (link.find()) {
                links++;
                String target = link.group(1);
                String name = ROOT.relativize(document) + " -> " + target;
                if (target.contains("://") || target.startsWith("/") || target.startsWith("mailto:")) {
                    broken.add(name + " (leaves the repository)");
                    continue;
                }
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                if (file.isEmpty()) continue;
                Path resolved = document.getParent().resolve(file).normalize();
                if (!resolved.startsWith(ROOT)) broken.add(name + " (outside the repository)");
                else if (!Files.exists(resolved)) broken.add(name + " (no such file)");
            }
        }
        assertTrue(links > 20, "the documents link each other: " + links);
        assertEquals(List.of(), broken);
    }

    @Test
    void theReadmeStaysShort() throws IOException {
        long lines = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8).size();
        assertTrue(lines <= README_MAX_LINES, "README.md has " + lines + " lines; the rest belongs in docs/");
    }

    @Test
    void theDocsTheReadmePromisesExist() {
        for (String doc : List.of("local-development.md", "deploy.md", "operations.md", "architecture.md", "testing.md",
                "benchmarks.md", "decisions/README.md")) {
            assertTrue(Files.exists(ROOT.resolve("docs").resolve(doc)), "docs/" + doc);
        }
        for (String top : List.of("LICENSE", "CONTRIBUTING.md", "CHANGELOG.md")) assertTrue(Files.exists(ROOT.resolve(top)), top);
    }

    /** Links inside fenced code blocks are examples, not links. */
    static String withoutCode(String markdown) {
        StringBuilder out = new StringBuilder();
        boolean code = false;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                code = !code;
                continue;
            }
            if (!code) out.append(line).append('\n');
        }
        return out.toString();
    }
}
