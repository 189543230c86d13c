package com.userimages.handlers;

import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.ApiRoute;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.SeedData;
import com.userimages.testing.SeedData.Seed;
import com.userimages.testing.TestApi;
import com.userimages.core.http.GatewayEvents;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code GET /collections} through the real handler and its default wiring, on the test engine. */
@ExtendWith(DynamoDbExtension.class)
class ListPageHandlerTest {
    private final TestApi api = new TestApi();

    /**
     * The seed article's table (001): in one partition, two INACTIVE entries newer than the one
     * ACTIVE entry, and a fourth entry in another partition. "Active" is a collection with images,
     * the filter {@code minImages=1}, newest first. A plain DynamoDB Query with Limit 1..3 returns an
     * empty page with a token, or the item with a token that leads to an empty page; here every
     * limit gives the one item and no token.
     */
    @ParameterizedTest(name = "limit={0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void seedArticleTableGivesOnePageWithTheActiveItemForEveryLimit(int limit) {
        String group1 = TestApi.newUser();
        String group2 = TestApi.newUser();
        create(group1, "2022-06-15T00:00:00Z", 0);
        create(group2, "2022-06-16T00:00:00Z", 0);
        String active = create(group1, "2022-01-01T00:00:00Z", 3);
        create(group1, "2022-01-02T00:00:00Z", 0);

        JsonNode page = expect(200, api.list(group1, "limit", Integer.toString(limit), "minImages", "1"));

        assertEquals(1, page.get("count").asInt());
        assertEquals(1, page.get("items").size());
        assertEquals(active, page.get("items").get(0).get("imagesCollectionId").asText());
        assertEquals("2022-01-01T00:00:00Z", page.get("items").get(0).get("timestamp").asText());
        assertTrue(page.get("pagination").get("nextToken").isNull());
        assertFalse(page.get("pagination").get("partial").asBoolean());
        assertEquals(limit, page.get("pagination").get("limit").asInt());
    }

    @Test
    void answersApiMdsShapeWithCoverUrlNullWhileEmpty() {
        String user = TestApi.newUser();
        String empty = create(user, "2026-03-01T10:00:00Z", 0);
        String full = create(user, "2026-03-02T10:00:00Z", 2);

        JsonNode body = expect(200, api.list(user));

        assertEquals(Set.of("items", "count", "pagination"), fieldNames(body));
        assertEquals(Set.of("limit", "nextToken", "partial"), fieldNames(body.get("pagination")));
        assertEquals(20, body.get("pagination").get("limit").asInt(), "default limit");
        assertEquals(2, body.get("count").asInt());
        JsonNode newest = body.get("items").get(0);
        assertEquals(Set.of("imagesCollectionId", "timestamp", "imageCount", "coverUrl"), fieldNames(newest));
        assertEquals(full, newest.get("imagesCollectionId").asText());
        assertEquals(2, newest.get("imageCount").asInt());
        assertEquals("https://list.example/" + full + "/0", newest.get("coverUrl").asText());
        JsonNode older = body.get("items").get(1);
        assertEquals(empty, older.get("imagesCollectionId").asText());
        assertEquals(0, older.get("imageCount").asInt());
        assertTrue(older.has("coverUrl") && older.get("coverUrl").isNull());
    }

    @Test
    void emptyResultIsOneEmptyPageWithoutToken() {
        JsonNode body = expect(200, api.list(TestApi.newUser()));
        assertEquals(0, body.get("count").asInt());
        assertEquals(0, body.get("items").size());
        assertTrue(body.get("pagination").get("nextToken").isNull());
        assertFalse(body.get("pagination").get("partial").asBoolean());
    }

    @Test
    void listsOnlyTheCallersCollections() {
        String alice = TestApi.newUser();
        String bob = TestApi.newUser();
        String mine = create(alice, "2026-01-01T00:00:00Z", 1);
        create(bob, "2026-01-02T00:00:00Z", 1);
        JsonNode body = expect(200, api.list(alice));
        assertEquals(List.of(mine), ids(body));
    }

    @Test
    void orderAndInclusiveRangeWithOffsetsNormalizedLikeStoredTimestamps() {
        String user = TestApi.newUser();
        List<Seed> seeds = List.of(
                new Seed(UUID.randomUUID().toString(), "2026-01-01T00:00:00Z", 1),
                new Seed(UUID.randomUUID().toString(), "2026-01-02T00:00:00Z", 1),
                new Seed(UUID.randomUUID().toString(), "2026-01-03T00:00:00Z", 1),
                new Seed(UUID.randomUUID().toString(), "2026-01-04T00:00:00Z", 1));
        SeedData.put(user, seeds);

        assertEquals(List.of(seeds.get(3).collectionId(), seeds.get(2).collectionId(), seeds.get(1).collectionId(),
                seeds.get(0).collectionId()), ids(expect(200, api.list(user))));
        assertEquals(List.of(seeds.get(0).collectionId(), seeds.get(1).collectionId(), seeds.get(2).collectionId(),
                seeds.get(3).collectionId()), ids(expect(200, api.list(user, "order", "asc"))));
        // 02:00+02:00 is midnight UTC and the fraction is dropped: both ends inclusive.
        assertEquals(List.of(seeds.get(1).collectionId(), seeds.get(2).collectionId()),
                ids(expect(200, api.list(user, "order", "asc", "from", "2026-01-02T02:00:00+02:00", "to", "2026-01-03T00:00:00.999Z"))));
        assertEquals(List.of(seeds.get(1).collectionId(), seeds.get(0).collectionId()),
                ids(expect(200, api.list(user, "to", "2026-01-02T00:00:00Z"))));
        assertEquals(List.of(seeds.get(3).collectionId(), seeds.get(2).collectionId()),
                ids(expect(200, api.list(user, "from", "2026-01-03T00:00:00Z"))));
        assertEquals(List.of(seeds.get(2).collectionId()),
                ids(expect(200, api.list(user, "from", "2026-01-03T00:00:00Z", "to", "2026-01-03T00:00:00Z"))));
    }

    @Test
    void noClaimsOrUnusableSubIs401() {
        var noClaims = GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).build();
        expectError(401, "UNAUTHORIZED", new ListPageHandler(DynamoDbExtension.components()).handleRequest(noClaims, null));
        var emptySub = GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).claims(Map.of("sub", "")).build();
        expectError(401, "UNAUTHORIZED", new ListPageHandler(DynamoDbExtension.components()).handleRequest(emptySub, null));
        var longSub = GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).claims(Map.of("sub", "x".repeat(257))).build();
        expectError(401, "UNAUTHORIZED", new ListPageHandler(DynamoDbExtension.components()).handleRequest(longSub, null));
    }

    /** Each parameter's bad values, with the one code API.md gives them all; and names that are no parameter. */
    static Stream<Arguments> badParameters() {
        return Stream.of(
                badValues("limit", "INVALID_LIMIT", "0", "101", "-1", "ten", "1.5", " 5", "", "5,6", "99999999999"),
                badValues("order", "INVALID_ORDER", "DESC", "newest", "", "asc,desc"),
                badValues("from", "INVALID_TIMESTAMP", "yesterday", "2026-01-01T00:00:00", "2026-01-01", ""),
                badValues("to", "INVALID_TIMESTAMP", "2026-13-01T00:00:00Z", "1700000000", "+10000-01-01T00:00:00Z"),
                badValues("minImages", "INVALID_MIN_IMAGES", "-1", "1001", "many", ""),
                badValues("nextToken", "INVALID_TOKEN", "abc", "", "A".repeat(82), "A".repeat(100_000),
                        "eyJ1c2VySWQiOiJhbGljZSIsImltYWdlc0NvbGxlY3Rpb25JZCI6IngifQ"),
                Stream.of(Arguments.of("minimages", "3", "UNKNOWN_PARAMETER"), Arguments.of("Limit", "3", "UNKNOWN_PARAMETER"),
                        Arguments.of("userId", "someone-else", "UNKNOWN_PARAMETER")))
                .flatMap(cases -> cases);
    }

    private static Stream<Arguments> badValues(String name, String code, String... values) {
        return Stream.of(values).map(value -> Arguments.of(name, value, code));
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @MethodSource("badParameters")
    void badParameterIs400(String name, String value, String code) {
        expectError(400, code, api.list(TestApi.newUser(), name, value));
    }

    @Test
    void fromAfterToIs400ButEqualIsAllowed() {
        String user = TestApi.newUser();
        expectError(400, "INVALID_RANGE", api.list(user, "from", "2026-01-02T00:00:00Z", "to", "2026-01-01T23:59:59Z"));
        // The same instant in two offsets is not "after".
        expect(200, api.list(user, "from", "2026-01-02T01:00:00+01:00", "to", "2026-01-02T00:00:00Z"));
    }

    @Test
    void explicitDefaultsAreTheSameQueryAsOmittedOnes() {
        String user = TestApi.newUser();
        for (int i = 0; i < 3; i++) create(user, "2026-05-0" + (i + 1) + "T00:00:00Z", 0);
        String token = expect(200, api.list(user, "limit", "1")).get("pagination").get("nextToken").asText();
        // The token is bound to the effective order and filter: desc and minImages=0 are the defaults.
        JsonNode next = expect(200, api.list(user, "limit", "1", "order", "desc", "minImages", "0", "nextToken", token));
        assertEquals("2026-05-02T00:00:00Z", next.get("items").get(0).get("timestamp").asText());
    }

    private String create(String user, String timestamp, int images) {
        String id = UUID.randomUUID().toString();
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < images; i++) {
            if (i > 0) list.append(',');
            list.append("{\"url\":\"https://list.example/").append(id).append('/').append(i).append("\"}");
        }
        expect(201, api.create(user, "{\"imagesCollectionId\":\"" + id + "\",\"timestamp\":\"" + timestamp
                + "\",\"images\":[" + list + "]}"));
        return id;
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("imagesCollectionId").asText()));
        return ids;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
