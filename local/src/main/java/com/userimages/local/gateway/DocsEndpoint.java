package com.userimages.local.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.userimages.contract.RouteScopes;
import com.userimages.local.auth.DevelopmentIssuer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The API's documentation, served without a token (like the JWKS): {@code GET /openapi.yaml} and the
 * docs page {@code GET /docs} — Swagger UI from the {@code org.webjars:swagger-ui} jar with our own
 * initializer, pre-authorized with a development token when the server is its own issuer.
 *
 * <p>Only the fixed files below are served, each looked up by the raw path's exact text: nothing is
 * resolved against a directory, so {@code ..}, encoded slashes or NULs name no file and fall through
 * to the gateway's 404, and no directory is ever listed.
 */
public final class DocsEndpoint implements GatewayEndpoint {
    public static final String OPENAPI_PATH = "/openapi.yaml";
    public static final String DOCS_PATH = "/docs";
    static final String CONFIG_PATH = "/docs/config.json";
    /** The user whose token the docs page carries: the same as the banner's ready token. */
    static final String DOCS_SUBJECT = DevelopmentIssuer.DEVELOPER;

    private static final String WEBJAR_PROPERTIES = "/META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final String OWN = "docs/";

    /** An origin as CSP and browsers write it: scheme, host, port, nothing that could end a directive. */
    private static final Pattern ORIGIN = Pattern.compile("https?://[a-z0-9.-]+(?::\\d{1,5})?");

    /** A file under /docs/: from our resources or the webjar, and its content type. */
    private record Asset(String resource, String contentType) {}

    private final Supplier<OpenApiDocument> document;
    private final DevelopmentIssuer issuer;
    private final RouteScopes routeScopes;
    private final Map<String, Asset> assets;
    /** Whether the page may offer its upload form: there is an object store the page may reach. */
    private final boolean uploads;
    private final String pagePolicy;
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    /** @param issuer the development issuer whose token the page carries; null with a real identity provider */
    public DocsEndpoint(OpenApiDocument document, DevelopmentIssuer issuer) {
        this(() -> document, issuer, RouteScopes.DEFAULTS, Optional.empty());
    }

    /**
     * @param document    called once, when the document is first asked for: parsing it took a sixth of
     *                    the server's start, for a page most runs never open
     * @param routeScopes the routes' scopes: the page's token carries what opens every route
     * @param objectStore  the S3 the upload slots' URLs point at: the page's upload form PUTs there and
     *                     shows the image from there, so its CSP lets the page reach that origin too
     */
    public DocsEndpoint(Supplier<OpenApiDocument> document, DevelopmentIssuer issuer, RouteScopes routeScopes,
                        Optional<URI> objectStore) {
        this.routeScopes = routeScopes;
        Optional<String> storeOrigin = objectStore.flatMap(DocsEndpoint::origin);
        this.uploads = storeOrigin.isPresent();
        this.pagePolicy = pagePolicy(storeOrigin);
        this.document = once(document);
        this.issuer = issuer;
        String webjar = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
        Map<String, Asset> files = new LinkedHashMap<>();
        files.put(DOCS_PATH, new Asset(OWN + "index.html", "text/html; charset=utf-8"));
        files.put("/docs/initializer.js", new Asset(OWN + "initializer.js", "text/javascript; charset=utf-8"));
        files.put("/docs/swagger-ui-bundle.js", new Asset(webjar + "swagger-ui-bundle.js", "text/javascript; charset=utf-8"));
        files.put("/docs/swagger-ui.css", new Asset(webjar + "swagger-ui.css", "text/css; charset=utf-8"));
        files.put("/docs/index.css", new Asset(webjar + "index.css", "text/css; charset=utf-8"));
        files.put("/docs/favicon-32x32.png", new Asset(webjar + "favicon-32x32.png", "image/png"));
        files.put("/docs/favicon-16x16.png", new Asset(webjar + "favicon-16x16.png", "image/png"));
        files.values().forEach(asset -> {
            if (DocsEndpoint.class.getResource(asset.resource()) == null) {
                throw new IllegalStateException("the docs page's " + asset.resource() + " is not on the class path");
            }
        });
        this.assets = Map.copyOf(files);
    }

    @Override
    public Optional<Handled> handle(IncomingRequest request, String requestId) {
        if (!request.method().equals("GET")) return Optional.empty();
        String path = request.rawPath();
        if (path.equals(OPENAPI_PATH)) {
            return Optional.of(Handled.of(reply(document.get().yaml(), "application/yaml; charset=utf-8")));
        }
        if (path.equals(DOCS_PATH + "/")) {
            // The page's address is /docs; a trailing slash is a common typo, sent there rather than to a 404.
            return Optional.of(Handled.of(new GatewayReply(302, Map.of("location", List.of(DOCS_PATH)), new byte[0])));
        }
        if (path.equals(CONFIG_PATH)) return Optional.of(config());
        Asset asset = assets.get(path);
        if (asset == null) return Optional.empty();
        GatewayReply reply = reply(loaded.computeIfAbsent(asset.resource(), DocsEndpoint::read), asset.contentType());
        if (path.equals(DOCS_PATH)) reply = reply.withHeader("content-security-policy", pagePolicy);
        return Optional.of(Handled.of(reply));
    }

    /**
     * What our initializer needs: the document's URL and, with the development issuer, a token and
     * the oauth2 scheme to authorize it for. Read fresh on each page load (a token lives one hour).
     */
    private Handled config() {
        ObjectNode config = GatewayJson.MAPPER.createObjectNode();
        config.put("openapiUrl", OPENAPI_PATH);
        String note = "";
        if (issuer != null && document.get().oauth2SchemeName().isPresent()) {
            config.put("securityScheme", document.get().oauth2SchemeName().get());
            String scope = routeScopes.everyRouteScopeClaim();
            config.put("token", issuer.mint(DOCS_SUBJECT, scope));
            config.put("subject", DOCS_SUBJECT);
            config.put("scope", scope);
            // The upload form needs the token and an S3 the page may reach.
            config.put("uploads", uploads);
            note = "(docs page token issued)";
        }
        GatewayReply reply = GatewayReply.json(200, config.toString()).withHeader("cache-control", "no-store");
        return new Handled(reply.withHeader("x-content-type-options", "nosniff"), note);
    }

    /**
     * The page's own CSP: scripts and styles only from this server (Swagger UI sets inline styles,
     * and its icons are data: SVGs), requests only to this server and the object store, images from
     * there too, never framed.
     */
    private static String pagePolicy(Optional<String> objectStore) {
        String store = objectStore.map(origin -> " " + origin).orElse("");
        return "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                + " img-src 'self' data:" + store + "; font-src 'self' data:; connect-src 'self'" + store + ";"
                + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /** The origin of an endpoint, or empty for one whose origin is no plain scheme://host[:port]. */
    static Optional<String> origin(URI endpoint) {
        if (endpoint.getScheme() == null || endpoint.getHost() == null) return Optional.empty();
        String origin = endpoint.getScheme().toLowerCase(Locale.ROOT) + "://" + endpoint.getHost().toLowerCase(Locale.ROOT)
                + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
        return ORIGIN.matcher(origin).matches() ? Optional.of(origin) : Optional.empty();
    }

    private static GatewayReply reply(byte[] body, String contentType) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-type", List.of(contentType));
        headers.put("x-content-type-options", List.of("nosniff"));
        return new GatewayReply(200, headers, body);
    }

    private static byte[] read(String resource) {
        try (InputStream in = DocsEndpoint.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is not on the class path");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The webjar's version from its own Maven metadata, so the pom alone decides which Swagger UI is served. */
    private static <T> Supplier<T> once(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) value = supplier.get();
                return value;
            }
        };
    }

    private static String webjarVersion() {
        try (InputStream in = DocsEndpoint.class.getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) throw new IllegalStateException("org.webjars:swagger-ui is not on the class path (the docs page's assets)");
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            if (!version.matches("[0-9A-Za-z.\\-]+")) throw new IllegalStateException("org.webjars:swagger-ui has no usable version");
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WEBJAR_PROPERTIES, e);
        }
    }
}
