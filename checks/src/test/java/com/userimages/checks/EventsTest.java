package com.userimages.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * events/: payload 2.0 events as API Gateway sends them for this API's routes, and a manifest whose
 * order seeds, on an empty table, everything the later events read.
 */
class EventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{(\\w+)}");

    private final Path events = Repository.root().resolve("events");

    record Entry(String file, String function, int expectedStatus) {}

    /** A JSON object as Jackson reads one into {@code Object}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private List<Entry> manifest() throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Object o : JSON.readValue(events.resolve("manifest.json").toFile(), List.class)) {
            Map<String, Object> m = map(o);
            assertEquals(Set.of("file", "function", "expectedStatus"), m.keySet(), o.toString());
            entries.add(new Entry((String) m.get("file"), (String) m.get("function"), (Integer) m.get("expectedStatus")));
        }
        return entries;
    }

    private Map<String, Object> event(Entry entry) throws IOException {
        return map(JSON.readValue(events.resolve(entry.file()).toFile(), Map.class));
    }

    private static Map<String, Object> claims(Map<String, Object> event) {
        Object authorizer = map(event.get("requestContext")).get("authorizer");
        return authorizer == null ? null : map(map(map(authorizer).get("jwt")).get("claims"));
    }

    @Test
    void manifestListsEveryEventFileOnce() throws IOException {
        Set<String> files = new TreeSet<>();
        try (Stream<Path> s = Files.list(events)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json") && !n.equals("manifest.json"))
                    .forEach(files::add);
        }
        List<String> listed = manifest().stream().map(Entry::file).toList();
        assertEquals(files, new TreeSet<>(listed));
        assertEquals(listed.size(), new HashSet<>(listed).size(), "listed twice");
    }

    @Test
    void everyEventIsAPayload20EventOfItsFunctionsRoute() throws IOException {
        for (Entry entry : manifest()) {
            Map<String, Object> e = event(entry);
            String where = entry.file();
            assertEquals("2.0", e.get("version"), where);
            ApiRoute route = ApiRoute.byRouteKey((String) e.get("routeKey"))
                    .orElseThrow(() -> new AssertionError(where + ": not a route of this API"));
            assertEquals(ApiFunction.byName(entry.function()).orElseThrow(), route.function(), where);

            Map<String, Object> ctx = map(e.get("requestContext"));
            assertEquals(route.routeKey(), ctx.get("routeKey"), where);
            assertEquals("$default", ctx.get("stage"), where);
            for (String key : List.of("accountId", "apiId", "domainName", "requestId", "time", "timeEpoch")) {
                assertNotNull(ctx.get(key), where + " requestContext." + key);
            }
            Map<String, Object> http = map(ctx.get("http"));
            assertEquals(route.method(), http.get("method"), where);
            for (String key : List.of("path", "protocol", "sourceIp", "userAgent")) assertNotNull(http.get(key), where + " http." + key);

            // rawPath is the template with the path parameters filled in, and nothing else.
            Map<String, Object> pathParameters = map(e.getOrDefault("pathParameters", Map.of()));
            Matcher names = PATH_PARAMETER.matcher(route.pathTemplate());
            Set<String> expectedNames = new HashSet<>();
            while (names.find()) expectedNames.add(names.group(1));
            assertEquals(expectedNames, pathParameters.keySet(), where);
            String rawPath = route.pathTemplate();
            for (var p : pathParameters.entrySet()) rawPath = rawPath.replace("{" + p.getKey() + "}", (String) p.getValue());
            assertEquals(rawPath, e.get("rawPath"), where);
            assertEquals(rawPath, http.get("path"), where);

            assertEquals(queryOf((String) e.get("rawQueryString")), map(e.getOrDefault("queryStringParameters", Map.of())), where);
            Map<String, Object> headers = map(e.get("headers"));
            for (String name : headers.keySet()) assertEquals(name.toLowerCase(), name, where + ": HTTP APIs lower-case header names");
            assertEquals(false, e.get("isBase64Encoded"), where);
            if (e.get("body") != null) {
                assertEquals(String.valueOf(((String) e.get("body")).getBytes(StandardCharsets.UTF_8).length),
                        headers.get("content-length"), where);
            }

            Map<String, Object> claims = claims(e);
            if (claims != null) {
                claims.forEach((k, v) -> assertTrue(v instanceof String, where + ": API Gateway passes claim " + k + " as a string"));
                Object scopes = map(map(ctx.get("authorizer")).get("jwt")).get("scopes");
                assertTrue(scopes == null || list(scopes).stream().allMatch(s -> s instanceof String), where);
            }
        }
    }

    private static Map<String, Object> queryOf(String raw) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (raw.isEmpty()) return query;
        for (String pair : raw.split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return query;
    }

    @Test
    void idsAreLowerCaseUuids() throws IOException {
        for (Entry entry : manifest()) {
            String text = Files.readString(events.resolve(entry.file()));
            Matcher m = UUID.matcher(text);
            while (m.find()) assertEquals(m.group().toLowerCase(), m.group(), entry.file());
        }
    }

    /** Replays the manifest against a model of the table: each success reads only what earlier events wrote. */
    @Test
    void manifestOrderSeedsWhatLaterEventsRead() throws IOException {
        List<Entry> manifest = manifest();
        assertEquals(ApiFunction.CREATE_TABLE.functionName(), manifest.get(0).function(), "the table comes first");
        assertEquals(201, manifest.get(0).expectedStatus(), "on a fresh DynamoDB the table is created");

        Map<String, String> ownerOfCollection = new HashMap<>();
        Map<String, Set<String>> imagesOfCollection = new HashMap<>();
        Set<Integer> statuses = new TreeSet<>();
        for (Entry entry : manifest) {
            Map<String, Object> e = event(entry);
            ApiRoute route = ApiRoute.byRouteKey((String) e.get("routeKey")).orElseThrow();
            Map<String, Object> claims = claims(e);
            Map<String, Object> path = map(e.getOrDefault("pathParameters", Map.of()));
            String collection = (String) path.get("collectionId");
            statuses.add(entry.expectedStatus());
            String where = entry.file();

            if (entry.expectedStatus() == 401) {
                assertNull(claims, where + ": a 401 event has no verified claims");
                continue;
            }
            assertNotNull(claims, where);
            String sub = (String) claims.get("sub");
            assertFalse(sub.isBlank(), where);
            if (entry.expectedStatus() == 400) {
                assertThrows(JsonProcessingException.class, () -> JSON.readTree((String) e.get("body")), where);
                continue;
            }
            if (entry.expectedStatus() == 404) {
                assertNotNull(ownerOfCollection.get(collection), where + ": should read a collection that exists");
                assertFalse(sub.equals(ownerOfCollection.get(collection)), where + ": should be another user's");
                continue;
            }
            assertTrue(entry.expectedStatus() >= 200 && entry.expectedStatus() < 300, where);
            // Any one of the route's scopes, as the gateway lets through (an ID token has none).
            Object scopes = map(map(map(e.get("requestContext")).get("authorizer")).get("jwt")).get("scopes");
            assertTrue(scopes != null && route.requiredScopes().stream().anyMatch(list(scopes)::contains),
                    where + " needs one of " + route.requiredScopes());
            Map<String, Object> body = e.get("body") == null ? Map.of() : map(JSON.readValue((String) e.get("body"), Map.class));
            switch (route) {
                case CREATE_COLLECTION -> {
                    String id = (String) body.get("imagesCollectionId");
                    assertNotNull(id, where + ": a fixed id, so later events can name it");
                    assertNull(ownerOfCollection.put(id, sub), where + ": 201 needs a new id");
                    imagesOfCollection.put(id, imageIds(body));
                    assertEquals(201, entry.expectedStatus(), where);
                }
                case APPEND_IMAGES -> {
                    assertEquals(sub, ownerOfCollection.get(collection), where);
                    imagesOfCollection.get(collection).addAll(imageIds(body));
                }
                case GET_COLLECTION -> assertEquals(sub, ownerOfCollection.get(collection), where);
                case GET_IMAGE -> {
                    assertEquals(sub, ownerOfCollection.get(collection), where);
                    assertTrue(imagesOfCollection.get(collection).contains((String) path.get("imageId")), where);
                }
                case LIST_COLLECTIONS -> assertTrue(ownerOfCollection.containsValue(sub), where + ": lists nothing");
                case REORDER_IMAGES -> {
                    assertEquals(sub, ownerOfCollection.get(collection), where);
                    List<Object> order = list(body.get("imageIds"));
                    assertEquals(imagesOfCollection.get(collection), new HashSet<>(order), where + ": every image id of the collection");
                    assertEquals(order.size(), new HashSet<>(order).size(), where + ": each once");
                }
                case DELETE_IMAGE -> {
                    assertEquals(sub, ownerOfCollection.get(collection), where);
                    assertTrue(imagesOfCollection.get(collection).remove((String) path.get("imageId")), where + ": an image it has");
                }
                case DELETE_COLLECTION -> {
                    assertEquals(sub, ownerOfCollection.get(collection), where);
                    // Gone: no later event may read it.
                    ownerOfCollection.remove(collection);
                    imagesOfCollection.remove(collection);
                }
                case CREATE_TABLE -> assertEquals(manifest.get(0), entry, where + ": the table is created once, first");
            }
        }
        assertTrue(statuses.containsAll(List.of(400, 401, 404)), "error cases: " + statuses);
        Set<ApiRoute> covered = new HashSet<>();
        for (Entry entry : manifest) {
            if (entry.expectedStatus() < 300) covered.add(ApiRoute.byRouteKey((String) event(entry).get("routeKey")).orElseThrow());
        }
        assertEquals(Set.of(ApiRoute.values()), covered, "one successful event per route");
    }

    private static Set<String> imageIds(Map<String, Object> body) {
        Set<String> ids = new HashSet<>();
        for (Object image : list(body.get("images"))) ids.add((String) map(image).get("imageId"));
        return ids;
    }
}
