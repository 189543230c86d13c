package com.userimages.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.userimages.local.auth.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GET /openapi.yaml and the docs page's files over real HTTP, without a token: the repository's
 * document with this server's URL, each file with its content type, and nothing else — no
 * directory, no path that walks out of the fixed list.
 */
class DocsEndpointServerIT {
    static final YAMLMapper YAML = new YAMLMapper();
    @RegisterExtension
    static final InProcessServerExtension local = InProcessServerExtension.withRealHandlers();

    @Test
    void theDocumentIsTheRepositorysOpenApiYamlWithThisServerInServers() throws Exception {
        Http.Reply reply = Http.get(local.base(), "/openapi.yaml", null);
        assertEquals(200, reply.status(), reply.body());
        assertEquals("application/yaml; charset=utf-8", reply.header("content-type"));
        JsonNode served = YAML.readTree(reply.bytes());
        assertEquals(1, served.path("servers").size(), reply.body());
        assertEquals(local.base().toString(), served.path("servers").path(0).path("url").asText());

        // Everything else is the repository's document as written.
        String written = Files.readString(Path.of("..", "openapi.yaml"));
        JsonNode repository = YAML.readTree(written);
        ((ObjectNode) served).remove("servers");
        ((ObjectNode) repository).remove("servers");
        assertEquals(repository, served);
        // Served as written (not re-emitted): the text around the servers block is the file's own.
        String text = reply.body();
        assertEquals(written.substring(0, written.indexOf("\nservers:")), text.substring(0, text.indexOf("\nservers:")));
        assertEquals(written.substring(written.indexOf("\ntags:")), text.substring(text.indexOf("\ntags:")));
    }

    @Test
    void theDocsPageIsOurOwnHtmlWithAStrictContentSecurityPolicy() {
        Http.Reply page = Http.get(local.base(), "/docs", null);
        assertEquals(200, page.status());
        assertEquals("text/html; charset=utf-8", page.header("content-type"));
        assertEquals("nosniff", page.header("x-content-type-options"));
        String csp = page.header("content-security-policy");
        assertNotNull(csp);
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        // Requests and images: this server, and the local S3 the upload form PUTs to and previews from.
        assertTrue(csp.matches(".*connect-src 'self' http://127\\.0\\.0\\.1:\\d+;.*"), csp);
        assertTrue(csp.matches(".*img-src 'self' data: http://127\\.0\\.0\\.1:\\d+;.*"), csp);
        assertTrue(page.body().contains("<script src=\"/docs/initializer.js\""), page.body());
        assertFalse(page.body().contains("swagger-initializer.js"), "our initializer, not the webjar's petstore one");
        assertFalse(page.body().contains("http"), "no asset from another host: " + page.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/docs/swagger-ui-bundle.js=text/javascript; charset=utf-8",
            "/docs/swagger-ui.css=text/css; charset=utf-8",
            "/docs/index.css=text/css; charset=utf-8",
            "/docs/favicon-32x32.png=image/png",
            "/docs/favicon-16x16.png=image/png"})
    void webjarFilesAreServedAsTheyAreInTheJarWithTheirContentType(String pathAndType) throws Exception {
        String path = pathAndType.substring(0, pathAndType.indexOf('='));
        Http.Reply reply = Http.get(local.base(), path, null);
        assertEquals(200, reply.status(), path);
        assertEquals(pathAndType.substring(pathAndType.indexOf('=') + 1), reply.header("content-type"), path);
        assertEquals("nosniff", reply.header("x-content-type-options"), path);
        assertArrayEquals(webjarFile(path.substring("/docs/".length())), reply.bytes(), path);
    }

    @Test
    void theInitializerIsOursAndPreauthorizesTheOauth2Scheme() {
        Http.Reply js = Http.get(local.base(), "/docs/initializer.js", null);
        assertEquals(200, js.status());
        assertEquals("text/javascript; charset=utf-8", js.header("content-type"));
        assertTrue(js.body().contains("authorizeOauth2") && js.body().contains("/docs/config.json"), js.body());
    }

    @Test
    void theConfigCarriesAWorkingDevelopmentTokenForTheDocumentsOauth2Scheme() throws Exception {
        Http.Reply config = Http.get(local.base(), "/docs/config.json", null);
        assertEquals(200, config.status(), config.body());
        assertEquals("no-store", config.header("cache-control"));
        assertEquals("/openapi.yaml", config.json().path("openapiUrl").asText());

        JsonNode schemes = YAML.readTree(Http.get(local.base(), "/openapi.yaml", null).bytes()).path("components").path("securitySchemes");
        String scheme = config.json().path("securityScheme").asText();
        assertEquals("oauth2", schemes.path(scheme).path("type").asText(), "the scheme the page authorizes: " + scheme);

        String token = config.json().path("token").asText();
        assertEquals(200, Http.get(local.base(), "/collections", token).status(), "the page's token is accepted");
        assertEquals(200, Http.post(local.base(), "/admin/table", token, null).status(), "with the admin scope, every route can be tried");
        assertFalse(local.console().contains(token), "never a token on the console");
        assertTrue(local.console().contains("GET /docs/config.json -> 200"), local.console());
    }

    @Test
    void aTrailingSlashIsSentToThePageNotListed() {
        Http.Reply reply = Http.get(local.base(), "/docs/", null);
        assertEquals(302, reply.status());
        assertEquals("/docs", reply.header("location"));
        assertEquals(0, reply.bytes().length);
    }

    /**
     * Paths that would reach another file through a resolving file server: each is simply no file
     * of the fixed list, so the gateway answers as for any unknown route (or refuses the bytes).
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "/docs/../openapi.yaml", "/docs/./swagger-ui.css", "/docs//swagger-ui.css", "/docs/%2e%2e/openapi.yaml",
            "/docs/%2E%2E/%2E%2E/META-INF/MANIFEST.MF", "/docs/..%2f..%2fMETA-INF%2fMANIFEST.MF", "/docs%2fswagger-ui.css",
            "/docs/swagger-ui.css%00", "/docs/swagger-ui.css%00.png", "/docs/%00", "/docs/SWAGGER-UI.CSS", "/Docs",
            "/docs/swagger-ui.css/", "/docs/swagger-ui.css;.png", "/docs/webjars/", "/docs/index.html",
            "/docs/swagger-initializer.js", "/docs/swagger-ui.js", "/docs/oauth2-redirect.html", "/docs/docs/index.html",
            "/docs/%5c..%5copenapi.yaml", "/docs/..%5c..%5cpom.xml", "/docs/%252e%252e/openapi.yaml",
            "/META-INF/resources/webjars/swagger-ui/5.34.1/swagger-ui.css", "/com/userimages/local/gateway/openapi.yaml",
            "/docs/initializer.js%20", "/docs/config.json/", "/openapi.yaml/", "/openapi.yaml%00", "/docs/%c0%ae%c0%ae/openapi.yaml"})
    void nothingOutsideTheFixedListIsServed(String rawPath) throws Exception {
        try (RawHttp http = new RawHttp(local.base())) {
            RawHttp.Response response = http.send("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").read();
            assertTrue(response.status() == 404 || response.status() == 400, rawPath + " -> " + response.raw());
            assertEquals("application/json", response.header("content-type"), rawPath);
            assertTrue(response.body().equals("{\"message\":\"Not Found\"}") || response.body().equals("{\"message\":\"Bad Request\"}"),
                    rawPath + " -> " + response.body());
        }
    }

    @Test
    void aNulByteInTheRequestLineIsRefused() throws Exception {
        try (RawHttp http = new RawHttp(local.base())) {
            byte[] request = "GET /docs/swagger-ui.css\0.png HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1);
            RawHttp.Response response = http.send(request).read();
            assertEquals(400, response.status(), response.raw());
            assertEquals("{\"message\":\"Bad Request\"}", response.body());
        }
    }

    @Test
    void onlyGetIsServed() {
        for (String method : new String[] {"POST", "PUT", "DELETE"}) {
            for (String path : new String[] {"/docs", "/openapi.yaml", "/docs/swagger-ui.css"}) {
                Http.Reply reply = Http.send(local.base(), method, path, null, null, null);
                assertEquals(404, reply.status(), method + " " + path);
                assertEquals("{\"message\":\"Not Found\"}", reply.body());
            }
        }
    }

    static byte[] webjarFile(String name) throws Exception {
        Properties properties = new Properties();
        try (InputStream in = DocsEndpointServerIT.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            properties.load(in);
        }
        try (InputStream in = DocsEndpointServerIT.class.getResourceAsStream(
                "/META-INF/resources/webjars/swagger-ui/" + properties.getProperty("version") + "/" + name)) {
            return in.readAllBytes();
        }
    }

    /** With a real identity provider the page is served the same, only without a token. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithARealIdentityProvider {
        InProcessServer provider;

        @BeforeAll
        void start(@TempDir Path dir) throws Exception {
            TestKeys keys = TestKeys.create();
            provider = InProcessServer.startWithRealHandlers("--jwks-file", keys.writeJwks(dir).toString(),
                    "--issuer", TestKeys.ISSUER, "--audience", TestKeys.AUDIENCE);
        }

        @AfterAll
        void stop() {
            if (provider != null) provider.close();
        }

        @Test
        void thePageAndTheDocumentAreServedAndTheConfigHasNoToken() {
            assertEquals(200, Http.get(provider.base(), "/docs", null).status());
            assertEquals(200, Http.get(provider.base(), "/openapi.yaml", null).status());
            Http.Reply config = Http.get(provider.base(), "/docs/config.json", null);
            assertEquals(200, config.status());
            assertTrue(config.json().path("token").isMissingNode(), config.body());
            assertEquals(Map.of("openapiUrl", "/openapi.yaml"), Http.JSON.convertValue(config.json(), Map.class));
        }
    }
}
