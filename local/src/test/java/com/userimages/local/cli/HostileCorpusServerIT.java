package com.userimages.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.RSAKey;
import com.userimages.contract.UserImagesTable;
import com.userimages.local.auth.DevelopmentIssuer;
import com.userimages.local.gateway.GatewayLimits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import com.userimages.contract.hostile.CorpusPlaceholders;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile-input corpus (the functions' {@code hostile/corpus.json}, one file for both
 * runners; its format is in {@code generate_corpus.py} beside it) replayed through the local server
 * over real HTTP: the real handlers, the development issuer, the server's own dynalite (which this test
 * scans). Every case is written byte for byte on a socket, so what no client library would send
 * (lone surrogates as their WTF-8 bytes, CR/LF in a token's header) is sent as it is.
 *
 * <p>Each case answers its documented status and code — the function's {@code {"error": …}} with
 * exactly API.md's three fields, or, where the case says the gateway answers first ({@code server}),
 * the gateway's {@code {"message": …}} — never a 5xx, a stack trace, an exception name or an AWS
 * detail; no response header holds a line break, a non-ASCII byte or anything of the token; every
 * console line is printable ASCII without a token or a raw sub; and the table is exactly as it was.
 *
 * <p>Where HTTP itself cannot carry what an in-process event can, the outcome is the gateway's and
 * the runner says so per case ({@link #overHttp}): a path parameter that is empty, missing or not
 * UTF-8 or holds a NUL is refused by the gateway (404 / 400); a request line over 10 KB is a 414; a
 * body marked base64 that is not base64, and a header value holding CR/LF (on the wire: two headers),
 * have no HTTP form and are not sent; a lone surrogate in a body is sent as its JSON escape.
 */
class HostileCorpusServerIT {
    /** The functions' test resource: one corpus for the in-process and the over-HTTP runner. */
    static final Path CORPUS = Path.of("../functions/src/test/resources/hostile/corpus.json");

    private static final Pattern JWT = Pattern.compile("\\{\\{jwt(?::(.*?))?}}", Pattern.DOTALL);
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "at com.", "at java.", "java.", "software.amazon",
            "amazonaws", "com.userimages", "Service:", "Status Code:", "Request ID:", "StackTrace", "Caused by", "jetty", "<");
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    static DynamoDbClient client;
    static InProcessServer local;
    static RSAKey key;
    static final Map<String, String> values = new HashMap<>();
    static final List<String> secrets = new CopyOnWriteArrayList<>();
    static final Map<String, Map<String, Integer>> tally = new ConcurrentHashMap<>();
    static Map<String, Map<String, AttributeValue>> before;

    @BeforeAll
    static void start() throws Exception {
        local = InProcessServer.startWithRealHandlers();
        var engineKey = local.server.engineCredentials().orElseThrow();
        client = DynamoDbClient.builder().endpointOverride(local.server.dynamoDbEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(engineKey.accessKeyId(), engineKey.secretAccessKey())))
                .httpClient(UrlConnectionHttpClient.create()).build();
        key = developmentKey(local.server.developmentIssuer());

        String owner = "corpus-owner-" + UUID.randomUUID();
        String other = "corpus-other-" + UUID.randomUUID();
        String imageId = UUID.randomUUID().toString();
        String ownerToken = local.token(owner, null);
        String collectionId = created(Http.post(local.base(), "/collections", ownerToken, "{\"timestamp\":\"2026-01-01T00:00:00Z\","
                + "\"images\":[{\"imageId\":\"" + imageId + "\",\"url\":\"https://owner.example/1.png\"},{\"url\":\"https://owner.example/2.png\"}]}"));
        created(Http.post(local.base(), "/collections", ownerToken, "{\"timestamp\":\"2026-01-02T00:00:00Z\",\"images\":[]}"));
        created(Http.post(local.base(), "/collections", ownerToken, "{\"timestamp\":\"2026-01-03T00:00:00Z\",\"images\":[{\"url\":\"https://owner.example/3.png\"}]}"));
        String otherCollectionId = created(Http.post(local.base(), "/collections", local.token(other, null),
                "{\"images\":[{\"url\":\"https://other.example/1.png\"}]}"));
        Http.Reply page = Http.get(local.base(), "/collections?limit=1", ownerToken);
        assertEquals(200, page.status(), page.body());
        String pageToken = page.json().path("pagination").path("nextToken").asText();
        assertFalse(pageToken.isEmpty(), page.body());
        values.putAll(Map.of("owner", owner, "other", other, "collectionId", collectionId, "imageId", imageId,
                "otherCollectionId", otherCollectionId, "token", pageToken));
        secrets.addAll(List.of(owner, other, pageToken, ownerToken));
        before = scanTable();
    }

    @AfterAll
    static void stop() {
        if (local != null) local.close();
        if (client != null) client.close();
    }

    private static String created(Http.Reply reply) {
        assertEquals(201, reply.status(), reply.body());
        return reply.json().path("imagesCollectionId").asText();
    }

    /**
     * The development issuer's signing key, read from its private field: the corpus' subs include
     * lone surrogates and control characters that no JSON library writes as the escapes a hostile
     * identity provider would, so the runner signs the exact payload bytes itself.
     */
    private static RSAKey developmentKey(DevelopmentIssuer issuer) throws ReflectiveOperationException {
        Field field = DevelopmentIssuer.class.getDeclaredField("key");
        field.setAccessible(true);
        return (RSAKey) field.get(issuer);
    }

    @TestFactory
    Stream<DynamicNode> everyCaseAnswersItsDocumentedStatusOverHttp() throws Exception {
        JsonNode corpus = Http.JSON.readTree(Files.readAllBytes(CORPUS));
        List<DynamicNode> tests = new ArrayList<>();
        for (JsonNode c : corpus.get("cases")) {
            if (!c.path("overHttp").asBoolean(true)) {
                count(c.get("category").asText(), "in-process only (overHttp false)");
                continue;
            }
            tests.add(DynamicTest.dynamicTest(c.get("id").asText() + " " + ConsoleTextForNames.printable(c.get("description").asText()),
                    () -> run(c)));
        }
        assertTrue(tests.size() >= 300, "the corpus keeps at least 300 cases the server can be sent, has " + tests.size());
        tests.add(DynamicTest.dynamicTest("the stored data is byte-for-byte unchanged",
                () -> assertEquals(before, scanTable(), "the corpus changed stored data")));
        tests.add(DynamicTest.dynamicTest("every console line is printable ASCII, without a token or a raw sub", () -> {
            String console = local.console();
            for (String line : console.split("\n", -1)) {
                String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
                assertTrue(l.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f), () -> "console line not printable ASCII: " + l);
            }
            for (String secret : secrets) {
                if (secret.length() >= 8) assertFalse(console.contains(secret), () -> "the console holds a token or sub: " + secret);
            }
        }));
        tests.add(DynamicTest.dynamicTest("summary", () -> System.out.println("hostile corpus over HTTP, per category: " + new TreeMap<>(tally))));
        return tests.stream();
    }

    private static void count(String category, String outcome) {
        tally.computeIfAbsent(category, k -> new ConcurrentHashMap<>()).merge(outcome, 1, Integer::sum);
    }

    /**
     * Raw cases whose {@code server} status in the corpus is not what this gateway answers, each still
     * a clean 4xx, and why (to be corrected in the corpus data, which the functions' branch owns).
     */
    static final Map<String, Expected> LOCAL_GATEWAY_ANSWERS = Map.of(
            "raw-http-013", new Expected(400, "INVALID_ID", "%2F is part of a path parameter (as API Gateway): get-item refuses \"/../admin\""),
            "raw-http-015", new Expected(401, null, "bare LF ends lines (RFC 9112 lets a server accept it): a GET without a token; the"
                    + " second request, without Host, is never routed"),
            "raw-http-016", new Expected(400, null, "an absolute-form target naming another host than Host is refused by the HTTP parser"));

    /** What the server is expected to answer; {@code code} null for the gateway's own {@code {"message"}} replies. */
    record Expected(int status, String code, String why) {}

    private static void run(JsonNode c) throws Exception {
        String category = c.get("category").asText();
        byte[] request;
        Expected expected;
        if (c.has("raw")) {
            request = wtf8(jwts(resolve(c.get("raw").asText())));
            String id = c.get("id").asText();
            expected = LOCAL_GATEWAY_ANSWERS.containsKey(id) ? LOCAL_GATEWAY_ANSWERS.get(id)
                    : new Expected(c.get("server").get("status").asInt(), null, "the gateway (raw HTTP)");
        } else {
            Sent sent = httpRequest(c.get("request"));
            if (sent == null) {
                count(category, "not expressible over HTTP (a base64 body that is not base64, or CR/LF inside a header value)");
                return;
            }
            request = sent.bytes();
            expected = overHttp(c, sent);
        }
        RawHttp.Response response;
        try (RawHttp http = new RawHttp(local.base())) {
            response = http.send(request).read();
        }
        String raw = response.raw().length() > 2_000 ? response.raw().substring(0, 2_000) + "..." : response.raw();
        assertTrue(response.status() < 500, () -> "a 5xx: " + raw);
        assertEquals(expected.status(), response.status(), () -> "status (" + expected.why() + "): " + raw);
        assertTrue(response.header("content-type").startsWith("application/json"), raw);
        JsonNode body = Http.JSON.readTree(response.body());
        if (expected.code() == null) {
            assertEquals(1, body.size(), () -> "the gateway's {\"message\"} shape: " + raw);
            assertTrue(body.path("message").isTextual(), raw);
        } else {
            JsonNode error = body.path("error");
            assertEquals(1, body.size(), () -> "the functions' {\"error\"} shape: " + raw);
            assertEquals(expected.code(), error.path("code").asText(), () -> "code: " + raw);
            assertFalse(error.path("message").asText().isBlank(), raw);
            assertFalse(error.path("requestId").asText().isBlank(), raw);
            assertEquals(3, error.size(), () -> "exactly API.md's error fields: " + raw);
        }
        for (String leak : LEAKS) assertFalse(response.body().contains(leak), () -> "leaks " + leak + ": " + raw);
        String head = response.raw().substring(0, response.raw().indexOf("\r\n\r\n"));
        for (String line : head.split("\r\n")) {
            assertTrue(line.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f), () -> "unsafe header line: " + line);
            assertTrue(line.length() <= 400, () -> "header line too long: " + line);
        }
        for (String secret : secrets) {
            if (secret.length() >= 16) assertFalse(head.contains(secret), () -> "a header holds token content: " + head);
        }
        if (response.status() == 401 || response.status() == 403) assertNotNull(response.header("www-authenticate"), raw);
        count(category, expected.code() == null ? response.status() + " from the gateway" : response.status() + " " + expected.code());
    }

    /** The case's documented outcome, or the gateway's where HTTP cannot carry what the event can. */
    private static Expected overHttp(JsonNode c, Sent sent) {
        if (c.has("server")) return new Expected(c.get("server").get("status").asInt(), null, "the gateway answers first");
        if (sent.refused() != null) return sent.refused();
        JsonNode expect = c.get("expect");
        return new Expected(expect.get("status").asInt(), expect.get("code").asText(), "the case's documented answer");
    }

    /** @param refused the gateway's own answer when it refuses the request before any function; else null */
    record Sent(byte[] bytes, Expected refused) {}

    /** The case as an HTTP/1.1 request; null when it has no HTTP form. */
    private static Sent httpRequest(JsonNode request) throws Exception {
        String route = request.get("route").asText();
        String method = route.substring(0, route.indexOf(' '));
        String template = route.substring(route.indexOf(' ') + 1);
        Map<String, String> path = strings(request.get("pathParameters"));
        Expected refused = null;
        StringBuilder target = new StringBuilder();
        for (String segment : template.substring(1).split("/", -1)) {
            target.append('/');
            if (segment.startsWith("{") && segment.endsWith("}")) {
                String value = path.get(segment.substring(1, segment.length() - 1));
                if (value == null || value.isEmpty()) {
                    refused = new Expected(404, null, "no route matches an empty or missing path parameter");
                } else if (!wellFormed(value) || value.indexOf('\u0000') >= 0) {
                    refused = new Expected(400, null, "the gateway refuses a path that is not UTF-8 or holds an encoded NUL");
                }
                target.append(value == null ? "" : percentEncode(value));
            } else {
                target.append(segment);
            }
        }
        Map<String, String> query = strings(request.get("query"));
        if (!query.isEmpty()) {
            StringBuilder q = new StringBuilder();
            query.forEach((name, value) -> q.append(q.isEmpty() ? "" : "&").append(percentEncode(name)).append('=').append(percentEncode(value)));
            target.append('?').append(q);
        }

        if (target.length() > GatewayLimits.MAX_HEADER_BYTES) {
            refused = new Expected(414, null, "a request line over API Gateway's 10 KB");
        }

        byte[] body = new byte[0];
        JsonNode bodyNode = request.get("body");
        if (bodyNode != null && !bodyNode.isNull()) {
            String text = resolve(bodyNode.asText());
            if (request.path("isBase64Encoded").asBoolean(false)) {
                try {
                    body = Base64.getDecoder().decode(text);
                } catch (IllegalArgumentException notBase64) {
                    return null;
                }
            } else {
                // A lone surrogate has no UTF-8 form; in a JSON string its escape means the same text.
                body = escapeLoneSurrogates(text).getBytes(StandardCharsets.UTF_8);
            }
        }
        Map<String, String> headers = strings(request.get("headers"));
        for (String value : headers.values()) {
            // On the wire CR/LF ends the header: such a value is two headers, not one (its case is in-process only).
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) return null;
            if (value.indexOf('\u0000') >= 0) refused = new Expected(400, null, "the HTTP parser refuses a NUL in a header");
        }

        StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        String token = token(request);
        if (token != null) head.append("Authorization: Bearer ").append(token).append("\r\n");
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Header values as their UTF-8 bytes (obs-text to HTTP): "é" arrives as the bytes a client sends.
        out.writeBytes(wtf8(head.toString()));
        out.writeBytes(body);
        return new Sent(out.toByteArray(), refused);
    }

    /**
     * A development-issuer token for the case's identity: its sub (absent when the case has none) and
     * other claims exactly as the case gives them, its scopes as a list claim (so "images/admin " keeps
     * its space); iss, aud and exp the development issuer's, as the case's are stand-ins for a verified
     * token. No claims at all: no Authorization header.
     */
    private static String token(JsonNode request) throws Exception {
        JsonNode claimsNode = request.get("claims");
        if (claimsNode == null || claimsNode.isNull()) return null;
        Map<String, String> claims = strings(claimsNode);
        claims.remove("iss");
        claims.remove("aud");
        StringBuilder payload = new StringBuilder("{\"iss\":" + json(local.server.developmentIssuer().issuer())
                + ",\"aud\":" + json(DevelopmentIssuer.AUDIENCE) + ",\"exp\":" + (Instant.now().getEpochSecond() + 3600));
        JsonNode scopes = request.get("scopes");
        if (scopes != null && !scopes.isNull()) {
            claims.remove("scope");
            List<String> list = new ArrayList<>();
            for (JsonNode s : scopes) list.add(json(resolve(s.asText())));
            payload.append(",\"scope\":[").append(String.join(",", list)).append(']');
        }
        claims.forEach((name, value) -> payload.append(',').append(json(name)).append(':').append(json(value)));
        String token = sign("{\"alg\":\"RS256\",\"kid\":" + json(key.getKeyID()) + ",\"typ\":\"JWT\"}", payload.append('}').toString());
        secrets.add(token);
        return token;
    }

    private static String sign(String headerJson, String payloadJson) throws Exception {
        String input = B64URL.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + B64URL.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key.toPrivateKey());
        rsa.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64URL.encodeToString(rsa.sign());
    }

    /**
     * {@code {{jwt}}} a valid token of the owner (a user's access token, scope {@code images/user});
     * {@code {{jwt:kid=K}}}, {@code :pad}, {@code :lowbits} one with that defect.
     */
    static String jwts(String text) throws Exception {
        Matcher m = JWT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String op = m.group(1) == null ? "" : m.group(1);
            String payload = "{\"iss\":" + json(local.server.developmentIssuer().issuer()) + ",\"aud\":\"user-images\",\"sub\":"
                    + json(values.get("owner")) + ",\"exp\":" + (Instant.now().getEpochSecond() + 3600)
                    + ",\"scope\":\"images/user\"}";
            String kid = op.startsWith("kid=") ? op.substring(4) : key.getKeyID();
            String token = sign("{\"alg\":\"RS256\",\"kid\":" + json(kid) + ",\"typ\":\"JWT\"}", payload);
            if (op.equals("pad")) {
                token = token + "==";
            } else if (op.equals("lowbits")) {
                String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
                char last = token.charAt(token.length() - 1);
                token = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
            } else if (!op.isEmpty() && !op.startsWith("kid=")) {
                throw new IllegalArgumentException("unknown jwt placeholder " + op);
            }
            secrets.add(token.substring(token.lastIndexOf('.') + 1, token.lastIndexOf('.') + 40));
            if (op.startsWith("kid=") && kid.length() >= 16) secrets.add(kid.substring(0, 16));
            m.appendReplacement(out, Matcher.quoteReplacement(token));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A JSON string: printable ASCII as is, everything else (lone surrogates too) as its \\u escape. */
    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            if (ch == '"' || ch == '\\') b.append('\\').append(ch);
            else if (ch >= 0x20 && ch < 0x7f) b.append(ch);
            else b.append(String.format("\\u%04x", (int) ch));
        }
        return b.append('"').toString();
    }

    /** Each unpaired surrogate as its JSON escape. */
    static String escapeLoneSurrogates(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(ch).append(s.charAt(++i));
            } else if (Character.isSurrogate(ch)) {
                b.append(String.format("\\u%04x", (int) ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** No unpaired surrogate: its bytes would not be UTF-8. */
    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) i++;
            else if (Character.isSurrogate(ch)) return false;
        }
        return true;
    }

    /** Every byte but the unreserved ones as %XX, of the text's WTF-8 bytes (a lone surrogate as the three bytes it would take). */
    static String percentEncode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : wtf8(s)) {
            int v = x & 0xff;
            if ((v >= 'A' && v <= 'Z') || (v >= 'a' && v <= 'z') || (v >= '0' && v <= '9') || v == '-' || v == '.' || v == '_' || v == '~') {
                b.append((char) v);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", v));
            }
        }
        return b.toString();
    }

    /** UTF-8, except that a lone surrogate is written as its own three bytes rather than '?': the worst bytes a client can send. */
    static byte[] wtf8(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length() + 16);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                out.write(cp);
            } else if (cp < 0x800) {
                out.write(0xc0 | cp >> 6);
                out.write(0x80 | cp & 0x3f);
            } else if (cp < 0x10000) {
                out.write(0xe0 | cp >> 12);
                out.write(0x80 | cp >> 6 & 0x3f);
                out.write(0x80 | cp & 0x3f);
            } else {
                out.write(0xf0 | cp >> 18);
                out.write(0x80 | cp >> 12 & 0x3f);
                out.write(0x80 | cp >> 6 & 0x3f);
                out.write(0x80 | cp & 0x3f);
            }
        }
        return out.toByteArray();
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        if (object == null || object.isNull()) return map;
        object.fields().forEachRemaining(e -> map.put(resolve(e.getKey()), resolve(e.getValue().asText())));
        return map;
    }

    /** The corpus' placeholders, expanded with this runner's seeded values. */
    static String resolve(String text) {
        return CorpusPlaceholders.resolve(text, values);
    }

    private static Map<String, Map<String, AttributeValue>> scanTable() {
        Map<String, Map<String, AttributeValue>> items = new TreeMap<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(UserImagesTable.DEFAULT_TABLE_NAME).consistentRead(true);
            if (start != null) scan.exclusiveStartKey(start);
            ScanResponse response = client.scan(scan.build());
            for (Map<String, AttributeValue> item : response.items()) {
                items.put(item.get(UserImagesTable.PARTITION_KEY).s() + "\u0000" + item.get(UserImagesTable.SORT_KEY).s(), item);
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }

    /** Test names: printable ASCII. */
    private static final class ConsoleTextForNames {
        static String printable(String s) {
            StringBuilder b = new StringBuilder();
            s.codePoints().forEach(cp -> b.append(cp >= 0x20 && cp < 0x7f ? String.valueOf((char) cp) : String.format("\\u%04x", cp)));
            return b.toString();
        }
    }
}
