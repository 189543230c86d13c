package com.userimages.local.gateway;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiDocumentTest {
    static final URI SERVER = URI.create("http://127.0.0.1:4321");

    @Test
    void theServersBlockIsReplacedAndNothingElse() {
        // What follows the servers block, which the replacement leaves as it is.
        String rest = """
                paths: {}
                components:
                  securitySchemes:
                    jwt:
                      type: oauth2
                      flows: {}
                """;
        String document = """
                openapi: 3.0.3
                servers:
                  - url: http://127.0.0.1:3000
                    description: local

                  - url: https://{apiId}.execute-api.{region}.amazonaws.com
                    variables:
                      apiId: {default: x}
                """ + rest;
        OpenApiDocument served = OpenApiDocument.of(document, SERVER);
        String text = new String(served.yaml(), StandardCharsets.UTF_8);
        assertEquals("""
                openapi: 3.0.3
                servers:
                  - url: http://127.0.0.1:4321
                    description: This local server (java -jar local/target/user-images-local.jar)
                """ + rest, text);
        assertEquals("jwt", served.oauth2SchemeName().orElseThrow());
    }

    @Test
    void aDocumentWhoseServersCannotBeReplacedStopsTheStart() {
        assertThrows(IllegalStateException.class, () -> OpenApiDocument.of("openapi: 3.0.3\npaths: {}\n", SERVER));
        IllegalStateException flow = assertThrows(IllegalStateException.class,
                () -> OpenApiDocument.of("openapi: 3.0.3\nservers: [{url: 'http://x'}]\n", SERVER));
        assertTrue(flow.getMessage().contains("servers"), flow.getMessage());
    }

    @Test
    void noOrSeveralOauth2SchemesMeanNoPreauthorization() {
        String none = "openapi: 3.0.3\nservers:\n  - url: x\ncomponents:\n  securitySchemes:\n    key: {type: apiKey, in: header, name: k}\n";
        assertTrue(OpenApiDocument.of(none, SERVER).oauth2SchemeName().isEmpty());
        String two = "openapi: 3.0.3\nservers:\n  - url: x\ncomponents:\n  securitySchemes:\n    a: {type: oauth2}\n    b: {type: oauth2}\n";
        assertTrue(OpenApiDocument.of(two, SERVER).oauth2SchemeName().isEmpty());
    }

    @Test
    void thePackagedDocumentIsTheRepositorysAndNamesItsJwtScheme() throws Exception {
        String repository = java.nio.file.Files.readString(java.nio.file.Path.of("..", "openapi.yaml"));
        assertEquals(repository, OpenApiDocument.packaged());
        assertEquals("jwt", OpenApiDocument.load(SERVER).oauth2SchemeName().orElseThrow());
    }
}
