package com.userimages.local.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The repository's {@code openapi.yaml} (packaged into this jar at build time) as this server serves
 * it: byte for byte, comments included, except that {@code servers} names only this server, so a
 * client generated from it, or the docs page's "try it out", calls the port the server really runs on.
 */
public final class OpenApiDocument {
    /** Where the build puts the top-level openapi.yaml (local/pom.xml's resources). */
    static final String RESOURCE = "openapi.yaml";
    private static final YAMLMapper YAML = new YAMLMapper();

    private final byte[] yaml;
    private final String oauth2SchemeName;

    private OpenApiDocument(byte[] yaml, String oauth2SchemeName) {
        this.yaml = yaml;
        this.oauth2SchemeName = oauth2SchemeName;
    }

    /** The packaged document with {@code servers} set to {@code serverUrl} (e.g. {@code http://127.0.0.1:3000}). */
    public static OpenApiDocument load(URI serverUrl) {
        return of(packaged(), serverUrl);
    }

    /** The document as the build packaged it, unchanged. */
    static String packaged() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("openapi.yaml is not in the jar: build it with mvn package");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged openapi.yaml", e);
        }
    }

    static OpenApiDocument of(String document, URI serverUrl) {
        String served = withServer(document, serverUrl.toString());
        JsonNode parsed;
        try {
            parsed = YAML.readTree(served);
        } catch (IOException e) {
            throw new IllegalStateException("openapi.yaml is not valid YAML: " + e.getMessage(), e);
        }
        // The text was edited, not re-emitted (so it stays as written): check the edit is what a parser reads.
        JsonNode servers = parsed.path("servers");
        if (servers.size() != 1 || !servers.path(0).path("url").asText().equals(serverUrl.toString())) {
            throw new IllegalStateException("openapi.yaml: cannot point servers at " + serverUrl);
        }
        return new OpenApiDocument(served.getBytes(StandardCharsets.UTF_8), oauth2Scheme(parsed));
    }

    /** Replaces the top-level {@code servers:} block (block style, as openapi.yaml writes it) with this server alone. */
    static String withServer(String document, String serverUrl) {
        List<String> lines = document.lines().toList();
        List<String> out = new ArrayList<>(lines.size());
        boolean replaced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!replaced && line.equals("servers:")) {
                out.add("servers:");
                out.add("  - url: " + serverUrl);
                out.add("    description: This local server (java -jar local/target/user-images-local.jar)");
                // Skip the block: its lines are indented (or blank) up to the next top-level key.
                while (i + 1 < lines.size() && (lines.get(i + 1).isBlank() || Character.isWhitespace(lines.get(i + 1).charAt(0))
                        || lines.get(i + 1).startsWith("-"))) {
                    i++;
                }
                replaced = true;
            } else {
                out.add(line);
            }
        }
        if (!replaced) throw new IllegalStateException("openapi.yaml has no top-level servers: block");
        return String.join("\n", out) + "\n";
    }

    /** The one {@code oauth2} scheme in components.securitySchemes (the JWT authorizer), if there is one. */
    private static String oauth2Scheme(JsonNode parsed) {
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = parsed.path("components").path("securitySchemes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> scheme = it.next();
            if (scheme.getValue().path("type").asText().equals("oauth2")) names.add(scheme.getKey());
        }
        return names.size() == 1 ? names.getFirst() : null;
    }

    public byte[] yaml() { return yaml.clone(); }

    /** The security scheme the docs page pre-authorizes; empty when the document has not exactly one oauth2 scheme. */
    public Optional<String> oauth2SchemeName() { return Optional.ofNullable(oauth2SchemeName); }
}
