package com.userimages.contract.openapi;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Holds responses (and request bodies) to {@code openapi.yaml}: the status must be documented for
 * the operation, the body must validate against that response's schema (OpenAPI 3.0 dialect, so
 * {@code nullable} counts), a response without content must have no body, and every documented
 * header is checked: a {@code required} one must be there, any one sent must match its schema.
 * One rule the document cannot say in 3.0: a 429 or 503 in the functions' error shape carries
 * {@code Retry-After} (API Gateway's own {@code {"message"}} answers have none).
 *
 * <p>Shared through the contract module's test-jar; the document is read from the test classpath
 * ({@code /openapi.yaml}, copied there from the repository top).
 */
public final class OpenApiContract {
    public static final String RESOURCE = "/openapi.yaml";
    private static final String BASE_IRI = "https://user-images.invalid/openapi.json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static volatile OpenApiContract shared;

    private final String text;
    private final JsonNode document;
    private final SchemaRegistry registry;
    private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
    private final Set<String> pendingHeaders;

    private OpenApiContract(String text, Set<String> pendingHeaders) {
        this.text = text;
        this.document = new YAMLMapper().readTree(text);
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(BASE_IRI, JSON.writeValueAsString(document))));
        this.pendingHeaders = pendingHeaders;
    }

    /** The repository's openapi.yaml, read once per JVM. */
    public static OpenApiContract load() {
        OpenApiContract contract = shared;
        if (contract == null) {
            synchronized (OpenApiContract.class) {
                if (shared == null) shared = new OpenApiContract(readResource(), Set.of());
                contract = shared;
            }
        }
        return contract;
    }

    /** A contract over another document text (for the validator's own tests). */
    public static OpenApiContract of(String yaml) {
        return new OpenApiContract(yaml, Set.of());
    }

    /**
     * The same contract, except that these documented headers are not sent yet: they must be
     * absent (so the check fails, and says to drop this call, the moment the code starts sending
     * them) instead of present. For work in flight only.
     */
    public OpenApiContract withPendingHeaders(String... headerNames) {
        Set<String> pending = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        pending.addAll(pendingHeaders);
        pending.addAll(List.of(headerNames));
        OpenApiContract copy = new OpenApiContract(text, Set.copyOf(pending.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList()));
        return copy;
    }

    /** The document's text, as the local server may serve it. */
    public String text() { return text; }

    /** The parsed document. */
    public JsonNode document() { return document; }

    /** An operation of the document: method upper-case, path template as written, its scopes and tags. */
    public record Operation(String method, String pathTemplate, List<String> scopes, List<String> tags) {
        public String routeKey() { return method + " " + pathTemplate; }
    }

    /** Every operation, in document order; scopes are the operation's {@code security} or else the document's. */
    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : fields(document.path("paths"))) {
            for (Map.Entry<String, JsonNode> op : fields(path.getValue())) {
                if (!METHODS.contains(op.getKey())) continue;
                JsonNode security = op.getValue().has("security") ? op.getValue().get("security") : document.path("security");
                List<String> scopes = new ArrayList<>();
                for (JsonNode requirement : security) {
                    for (Map.Entry<String, JsonNode> scheme : fields(requirement)) {
                        for (JsonNode scope : scheme.getValue()) scopes.add(scope.asString());
                    }
                }
                List<String> tags = new ArrayList<>();
                for (JsonNode tag : op.getValue().path("tags")) tags.add(tag.asString());
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), List.copyOf(scopes), List.copyOf(tags)));
            }
        }
        return operations;
    }

    /** Everything wrong with this response, empty when it conforms. Header names are compared ignoring case. */
    public List<String> problems(String method, String pathTemplate, int status, Map<String, String> headers, String body) {
        List<String> problems = new ArrayList<>();
        String where = method.toUpperCase(Locale.ROOT) + " " + pathTemplate + " -> " + status;
        String operationPointer = "/paths/" + escape(pathTemplate) + "/" + method.toLowerCase(Locale.ROOT);
        JsonNode operation = document.at(operationPointer);
        if (operation.isMissingNode()) {
            problems.add(where + ": the document has no such operation");
            return problems;
        }
        String responsePointer = operationPointer + "/responses/" + status;
        JsonNode response = document.at(responsePointer);
        if (response.isMissingNode()) {
            problems.add(where + ": status " + status + " is not documented for this operation");
            return problems;
        }
        if (response.has("$ref")) {
            responsePointer = refPointer(response.get("$ref").asString());
            response = document.at(responsePointer);
        }
        Map<String, String> sent = lowerCaseKeys(headers);
        checkHeaders(where, responsePointer, response, sent, problems);

        JsonNode content = response.path("content");
        boolean hasBody = body != null && !body.isEmpty();
        if (content.isMissingNode()) {
            if (hasBody) problems.add(where + ": the document says no body, but one was sent: " + shorten(body));
            return problems;
        }
        if (!content.has("application/json")) {
            problems.add(where + ": the document's response is not application/json");
            return problems;
        }
        String contentType = sent.get("content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            problems.add(where + ": content-type is " + contentType + ", not application/json");
        }
        if (!hasBody) {
            problems.add(where + ": the document says a JSON body, but there is none");
            return problems;
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (RuntimeException e) {
            problems.add(where + ": the body is not JSON: " + shorten(body));
            return problems;
        }
        for (Error error : schema(responsePointer + "/content/application~1json/schema").validate(parsed)) {
            problems.add(where + ": body " + error.toString() + " in " + shorten(body));
        }
        boolean functionError = parsed.has("error");
        if ((status == 429 || status == 503) && functionError && !sent.containsKey("retry-after")) {
            problems.add(where + ": a function's " + status + " must carry Retry-After");
        }
        return problems;
    }

    /** Fails with every problem listed unless the response conforms. */
    public void assertConforms(String method, String pathTemplate, int status, Map<String, String> headers, String body) {
        List<String> problems = problems(method, pathTemplate, status, headers, body);
        if (!problems.isEmpty()) throw new AssertionError("response does not match openapi.yaml:\n  " + String.join("\n  ", problems));
    }

    /** A request as the functions see it: path, query and header parameters by name, and the body (null for none). */
    public record Request(String method, String pathTemplate, Map<String, String> pathParameters,
                          Map<String, String> queryParameters, Map<String, String> headers, String body) {
        public Request {
            pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
            queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters);
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }
    }

    /**
     * Everything wrong with a request against the operation: each documented parameter (a required
     * one must be there; a value must match its schema), no query parameter the document does not
     * have (the API refuses unknown ones), and the body against the request schema. Empty when the
     * document accepts the request.
     */
    public List<String> requestProblems(Request request) {
        List<String> problems = new ArrayList<>();
        String where = request.method().toUpperCase(Locale.ROOT) + " " + request.pathTemplate();
        String pathPointer = "/paths/" + escape(request.pathTemplate());
        String operationPointer = pathPointer + "/" + request.method().toLowerCase(Locale.ROOT);
        if (document.at(operationPointer).isMissingNode()) return List.of(where + ": the document has no such operation");
        Set<String> documentedQuery = new TreeSet<>();
        for (String listPointer : List.of(pathPointer + "/parameters", operationPointer + "/parameters")) {
            JsonNode list = document.at(listPointer);
            for (int i = 0; i < list.size(); i++) {
                String pointer = listPointer + "/" + i;
                JsonNode parameter = list.get(i);
                if (parameter.has("$ref")) {
                    pointer = refPointer(parameter.get("$ref").asString());
                    parameter = document.at(pointer);
                }
                String name = parameter.path("name").asString();
                String in = parameter.path("in").asString();
                Map<String, String> values = switch (in) {
                    case "path" -> request.pathParameters();
                    case "query" -> request.queryParameters();
                    case "header" -> lowerCaseKeys(request.headers());
                    default -> Map.of();
                };
                if (in.equals("query")) documentedQuery.add(name);
                String value = values.get(in.equals("header") ? name.toLowerCase(Locale.ROOT) : name);
                if (value == null) {
                    if (parameter.path("required").asBoolean(false)) problems.add(where + ": the required " + in + " parameter " + name + " is missing");
                    continue;
                }
                JsonNode typed = typedValue(document.at(pointer + "/schema"), value);
                for (Error error : schema(pointer + "/schema").validate(typed)) {
                    problems.add(where + ": " + in + " parameter " + name + " = " + shorten(value) + ": " + error.getMessage());
                }
            }
        }
        for (String name : request.queryParameters().keySet()) {
            if (!documentedQuery.contains(name)) problems.add(where + ": the query parameter " + shorten(name) + " is not documented");
        }
        JsonNode requestBody = document.at(operationPointer + "/requestBody");
        boolean hasBody = request.body() != null && !request.body().isEmpty();
        if (requestBody.isMissingNode()) {
            if (hasBody) problems.add(where + ": the document takes no request body here");
        } else if (!hasBody) {
            if (requestBody.path("required").asBoolean(false)) problems.add(where + ": the request body is required");
        } else {
            try {
                JsonNode parsed = JSON.readTree(request.body());
                for (Error error : schema(operationPointer + "/requestBody/content/application~1json/schema").validate(parsed)) {
                    problems.add(where + ": request body " + error);
                }
            } catch (RuntimeException e) {
                problems.add(where + ": the request body is not JSON");
            }
        }
        return problems;
    }

    /** Everything wrong with a request body against the operation's request schema; empty when it conforms. */
    public List<String> requestProblems(String method, String pathTemplate, String body) {
        String pointer = "/paths/" + escape(pathTemplate) + "/" + method.toLowerCase(Locale.ROOT) + "/requestBody";
        if (document.at(pointer).isMissingNode()) return List.of(method + " " + pathTemplate + ": the document has no request body here");
        JsonNode parsed;
        try {
            parsed = JSON.readTree(body);
        } catch (RuntimeException e) {
            return List.of(method + " " + pathTemplate + ": the request body is not JSON");
        }
        return schema(pointer + "/content/application~1json/schema").validate(parsed).stream()
                .map(Error::toString).collect(Collectors.toList());
    }

    /** Everything wrong with one value against the schema at this JSON pointer into the document. */
    public List<String> valueProblems(String schemaPointer, JsonNode value) {
        return schema(schemaPointer).validate(value).stream().map(Error::toString).collect(Collectors.toList());
    }

    /** A gateway answer to a request that matched no route: 404 {@code {"message"}}. */
    public List<String> unknownRouteProblems(int status, String body) {
        List<String> problems = new ArrayList<>();
        if (status != 404) problems.add("an unknown route answers 404, not " + status);
        try {
            for (Error error : schema("/components/schemas/GatewayMessage").validate(JSON.readTree(body))) {
                problems.add("unknown route: body " + error);
            }
        } catch (RuntimeException e) {
            problems.add("unknown route: the body is not JSON: " + shorten(body));
        }
        return problems;
    }

    private void checkHeaders(String where, String responsePointer, JsonNode response, Map<String, String> sent, List<String> problems) {
        for (Map.Entry<String, JsonNode> entry : fields(response.path("headers"))) {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            String headerPointer = responsePointer + "/headers/" + escape(entry.getKey());
            JsonNode header = entry.getValue();
            if (header.has("$ref")) {
                headerPointer = refPointer(header.get("$ref").asString());
                header = document.at(headerPointer);
            }
            String value = sent.get(name);
            if (pendingHeaders.contains(name)) {
                if (value != null) {
                    problems.add(where + ": " + entry.getKey() + " is sent now (" + shorten(value)
                            + "): it is no longer pending, remove it from the pending headers");
                }
                continue;
            }
            if (value == null) {
                if (header.path("required").asBoolean(false)) problems.add(where + ": the required header " + entry.getKey() + " is missing");
                continue;
            }
            JsonNode typed = typedValue(document.at(headerPointer + "/schema"), value);
            for (Error error : schema(headerPointer + "/schema").validate(typed)) {
                problems.add(where + ": header " + entry.getKey() + ": " + shorten(value) + ": " + error.getMessage());
            }
        }
    }

    /** A header's or parameter's text as the JSON value its schema describes (an integer one is a number). */
    private JsonNode typedValue(JsonNode headerSchema, String value) {
        JsonNode schema = headerSchema.has("$ref") ? document.at(refPointer(headerSchema.get("$ref").asString())) : headerSchema;
        String type = schema.path("type").asString("string");
        if (type.equals("integer") || type.equals("number")) {
            try {
                return JSON.readTree(value.trim());
            } catch (RuntimeException e) {
                return JSON.getNodeFactory().stringNode(value);
            }
        }
        return JSON.getNodeFactory().stringNode(value);
    }

    private Schema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> registry.getSchema(SchemaLocation.of(BASE_IRI + "#" + p)));
    }

    private static String refPointer(String ref) {
        if (!ref.startsWith("#/")) throw new IllegalArgumentException("only local $refs are supported: " + ref);
        return ref.substring(1);
    }

    /** JSON pointer escaping of one reference token (RFC 6901). */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    private static Map<String, String> lowerCaseKeys(Map<String, String> headers) {
        Map<String, String> lower = new LinkedHashMap<>();
        if (headers != null) headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return lower;
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (node == null || !node.isObject()) return out;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static String readResource() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException(RESOURCE + " is not on the test classpath (the contract module's test-jar copies it there)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
