package com.userimages.handlers;

import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.ApiRoute;
import com.userimages.core.data.CollectionRepository;
import com.userimages.core.error.ApiException;
import com.userimages.core.model.IndexKey;
import com.userimages.core.model.ListSelection;
import com.userimages.core.model.SortOrder;
import com.userimages.core.service.ListCollectionsService;
import com.userimages.core.pagination.PageTokenCodec;
import com.userimages.core.pagination.PageTokenSecrets;
import com.userimages.core.pagination.ReadBudget;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.SeedData;
import com.userimages.testing.SeedData.Seed;
import com.userimages.testing.TestApi;
import com.userimages.core.http.GatewayEvents;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Page tokens through the real handler: tampering, another caller, other parameters, other page sizes, rotation. */
@ExtendWith(DynamoDbExtension.class)
class ListPageTokenTest {
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();
    private List<Seed> seeds;

    /** 30 collections on 10 distinct timestamps (ties), a third of them with images. */
    @BeforeEach
    void seed() {
        seeds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            seeds.add(Seed.of(String.format("2026-04-%02dT12:00:00Z", 1 + i % 10), i % 3 == 0 ? 2 : 0));
        }
        SeedData.put(user, seeds);
    }

    @Test
    void everySingleCharacterChangeOfAValidTokenIs400() {
        String token = firstToken("limit", "5");
        assertEquals(82, token.length());
        String alphabet = BASE64URL + "=+/.~ %";
        int tried = 0;
        for (int position = 0; position < token.length(); position++) {
            for (char c : alphabet.toCharArray()) {
                if (c == token.charAt(position)) continue;
                String changed = token.substring(0, position) + c + token.substring(position + 1);
                APIGatewayV2HTTPResponse response = api.list(user, "limit", "5", "nextToken", changed);
                int at = position;
                assertEquals(400, response.getStatusCode(), () -> "change at position " + at + " accepted: " + changed);
                tried++;
            }
        }
        assertTrue(tried > 82 * 64, "every position, the last one included, with every other character");
        // And the untouched token still works, so the 400s above were the changes' doing.
        expect(200, api.list(user, "limit", "5", "nextToken", token));
    }

    @Test
    void otherSpellingsOfTheSameBytesAndTruncationsAre400() {
        String token = firstToken("limit", "5");
        byte[] bytes = Base64.getUrlDecoder().decode(token);
        List<String> spellings = new ArrayList<>(List.of(token + "=", token + "==", Base64.getEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().encodeToString(bytes), token.substring(0, token.length() - 1), token + "A",
                token + "," + token, " " + token));
        String standardAlphabet = Base64.getEncoder().withoutPadding().encodeToString(bytes);
        // Only another spelling when the token holds a character the two alphabets write differently.
        if (!standardAlphabet.equals(token)) spellings.add(standardAlphabet);
        for (String spelling : spellings) {
            expectError(400, "INVALID_TOKEN", api.list(user, "limit", "5", "nextToken", spelling));
        }
    }

    @Test
    void anotherUsersTokenIs400AndRevealsNothing() {
        String token = firstToken("limit", "5");
        String other = TestApi.newUser();
        SeedData.put(other, List.of(Seed.of("2026-04-05T12:00:00Z", 1)));
        JsonNode body = expectError(400, "INVALID_TOKEN", api.list(other, "limit", "5", "nextToken", token));
        assertFalse(body.toString().contains(user));
    }

    @Test
    void tokenReusedWithOtherSelectionIs400() {
        String plain = firstToken("limit", "3");
        expectError(400, "INVALID_TOKEN", api.list(user, "limit", "3", "nextToken", plain, "order", "asc"));
        expectError(400, "INVALID_TOKEN", api.list(user, "limit", "3", "nextToken", plain, "minImages", "1"));
        expectError(400, "INVALID_TOKEN", api.list(user, "limit", "3", "nextToken", plain, "from", "2026-04-01T12:00:00Z"));
        expectError(400, "INVALID_TOKEN", api.list(user, "limit", "3", "nextToken", plain, "to", "2026-04-30T00:00:00Z"));

        String ranged = firstToken("limit", "3", "order", "asc", "from", "2026-04-02T00:00:00Z", "to", "2026-04-09T00:00:00Z",
                "minImages", "1");
        expect(200, api.list(user, "limit", "3", "order", "asc", "from", "2026-04-02T00:00:00Z", "to", "2026-04-09T00:00:00Z",
                "minImages", "1", "nextToken", ranged));
        expectError(400, "INVALID_TOKEN", api.list(user, "limit", "3", "order", "desc", "from", "2026-04-02T00:00:00Z",
                "to", "2026-04-09T00:00:00Z", "minImages", "1", "nextToken", ranged));
        expectError(400, "INVALID_TOKEN", api.list(user, "limit", "3", "order", "asc", "from", "2026-04-02T00:00:01Z",
                "to", "2026-04-09T00:00:00Z", "minImages", "1", "nextToken", ranged));
        expectError(400, "INVALID_TOKEN", api.list(user, "limit", "3", "order", "asc", "from", "2026-04-02T00:00:00Z",
                "to", "2026-04-10T00:00:00Z", "minImages", "1", "nextToken", ranged));
        expectError(400, "INVALID_TOKEN", api.list(user, "limit", "3", "order", "asc", "from", "2026-04-02T00:00:00Z",
                "to", "2026-04-09T00:00:00Z", "minImages", "2", "nextToken", ranged));
        expectError(400, "INVALID_TOKEN", api.list(user, "limit", "3", "order", "asc", "to", "2026-04-09T00:00:00Z",
                "minImages", "1", "nextToken", ranged));
    }

    @Test
    void tokenReusedWithAnotherLimitWorksAndTheWalkStaysExact() {
        int[] limits = {4, 1, 7, 2, 100, 3};
        List<String> walked = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            int limit = limits[pages % limits.length];
            JsonNode page = token == null ? expect(200, api.list(user, "limit", Integer.toString(limit)))
                    : expect(200, api.list(user, "limit", Integer.toString(limit), "nextToken", token));
            JsonNode next = page.get("pagination").get("nextToken");
            assertFalse(page.get("pagination").get("partial").asBoolean());
            if (!next.isNull()) assertEquals(limit, page.get("count").asInt(), "a page with a token is full");
            page.get("items").forEach(item -> walked.add(item.get("timestamp").asText() + " " + item.get("imagesCollectionId").asText()));
            token = next.isNull() ? null : next.asText();
            pages++;
        } while (token != null && pages < 100);
        assertEquals(seeds.size(), walked.size());
        assertEquals(seeds.size(), new HashSet<>(walked).size(), "no repeats");
        List<String> timestamps = walked.stream().map(w -> w.substring(0, w.indexOf(' '))).toList();
        assertEquals(timestamps.stream().sorted(Comparator.reverseOrder()).toList(), timestamps, "newest first");
        assertEquals(new HashSet<>(seeds.stream().map(s -> s.timestamp() + " " + s.collectionId()).toList()), new HashSet<>(walked));
    }

    @Test
    void tokensSignedWithThePreviousSecretStillWorkAfterRotation() {
        CollectionRepository repository = DynamoDbExtension.components().collectionRepository();
        ReadBudget budget = ReadBudget.from(DynamoDbExtension.settings());
        String oldSecret = "old-secret-for-rotation-0123456789";
        String newSecret = "new-secret-for-rotation-9876543210";
        ListPageHandler beforeRotation = handler(repository, budget, PageTokenSecrets.of(oldSecret, null));
        ListPageHandler afterRotation = handler(repository, budget, PageTokenSecrets.of(newSecret, oldSecret));
        ListPageHandler previousDropped = handler(repository, budget, PageTokenSecrets.of(newSecret, null));

        JsonNode first = expect(200, beforeRotation.handleRequest(listEvent("nextToken", null), null));
        String oldToken = first.get("pagination").get("nextToken").asText();
        expectError(400, "INVALID_TOKEN", previousDropped.handleRequest(listEvent("nextToken", oldToken), null));

        List<String> walked = new ArrayList<>(ids(first));
        String token = oldToken;
        while (token != null) {
            JsonNode page = expect(200, afterRotation.handleRequest(listEvent("nextToken", token), null));
            walked.addAll(ids(page));
            JsonNode next = page.get("pagination").get("nextToken");
            if (!next.isNull()) {
                // New tokens are signed with the new secret: they outlive the old one.
                expect(200, previousDropped.handleRequest(listEvent("nextToken", next.asText()), null));
            }
            token = next.isNull() ? null : next.asText();
        }
        assertEquals(seeds.size(), walked.size());
        assertEquals(new HashSet<>(seeds.stream().map(Seed::collectionId).toList()), new HashSet<>(walked));
    }

    @Test
    void genuinelySignedCursorOutsideTheQueryRangeIs400() {
        PageTokenCodec codec = new PageTokenCodec(PageTokenSecrets.of(DynamoDbExtension.PAGE_TOKEN_SECRET, null));
        ListSelection query = new ListSelection(SortOrder.DESC, "2026-04-03T00:00:00Z", "2026-04-06T00:00:00Z", 0);
        String before = codec.encode(user, query, new IndexKey(seeds.get(0).collectionId(), "2026-04-01T12:00:00Z"));
        String after = codec.encode(user, query, new IndexKey(seeds.get(9).collectionId(), "2026-04-10T12:00:00Z"));
        String inside = codec.encode(user, query, new IndexKey(seeds.get(4).collectionId(), "2026-04-05T12:00:00Z"));
        for (String token : List.of(before, after)) {
            expectError(400, "INVALID_TOKEN", api.list(user, "from", "2026-04-03T00:00:00Z", "to", "2026-04-06T00:00:00Z",
                    "nextToken", token));
        }
        expect(200, api.list(user, "from", "2026-04-03T00:00:00Z", "to", "2026-04-06T00:00:00Z", "nextToken", inside));
    }

    @Test
    void validationExceptionProvokedByAStartKeyIs400NotAServerError() {
        CollectionRepository repository = DynamoDbExtension.components().collectionRepository();
        ListSelection query = new ListSelection(SortOrder.ASC, "2026-04-03T00:00:00Z", "2026-04-06T00:00:00Z", 0);
        // Past the key condition's bounds: DynamoDB refuses the request itself.
        IndexKey outside = new IndexKey(seeds.get(0).collectionId(), "2026-04-01T12:00:00Z");
        ApiException e = assertThrows(ApiException.class, () -> repository.queryByTimestamp(user, query, outside, 5));
        assertEquals(400, e.status());
        assertEquals("INVALID_TOKEN", e.code());
    }

    private String firstToken(String... parameters) {
        JsonNode page = expect(200, api.list(user, parameters));
        JsonNode token = page.get("pagination").get("nextToken");
        assertFalse(token.isNull(), "the first page has a successor");
        assertNotEquals("", token.asText());
        return token.asText();
    }

    private static ListPageHandler handler(CollectionRepository repository, ReadBudget budget, PageTokenSecrets secrets) {
        return new ListPageHandler(DynamoDbExtension.componentsBuilder().listCollectionsService(new ListCollectionsService(repository, new PageTokenCodec(secrets), budget)).build());
    }

    private APIGatewayV2HTTPEvent listEvent(String name, String token) {
        GatewayEvents event = GatewayEvents.request(ApiRoute.LIST_COLLECTIONS).as(user).query("limit", "4");
        if (token != null) event.query(name, token);
        return event.build();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("imagesCollectionId").asText()));
        return ids;
    }
}
