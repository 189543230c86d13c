package com.userimages.handlers;

import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.UserImagesTable;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.TestApi;
import com.userimages.core.http.GatewayEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@ExtendWith(DynamoDbExtension.class)
class AppendCollectionHandlerTest {
    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();

    static String id() {
        return UUID.randomUUID().toString();
    }

    static String images(List<String> ids, String urlPrefix) {
        return ids.stream().map(i -> "{\"imageId\":\"" + i + "\",\"url\":\"" + urlPrefix + i + "\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }

    static List<String> ids(int n) {
        return IntStream.range(0, n).mapToObj(i -> id()).toList();
    }

    /** Creates a collection of the user's under a fresh id, with the body {@code bodyForId} gives for it; anything but 201 fails the test. */
    static String created(TestApi api, String user, Function<String, String> bodyForId) {
        String cid = id();
        expect(201, api.create(user, bodyForId.apply(cid)));
        return cid;
    }

    static Map<String, AttributeValue> storedItem(String user, String collectionId) {
        return DynamoDbExtension.client().getItem(r -> r.tableName(DynamoDbExtension.tableName()).consistentRead(true)
                .key(Map.of(UserImagesTable.PARTITION_KEY, AttributeValue.fromS(user),
                        UserImagesTable.SORT_KEY, AttributeValue.fromS(collectionId)))).item();
    }

    @Test
    void createStoresTheCollectionAndAnswers201WithLocation() {
        String cid = id(), a = id(), b = id();
        APIGatewayV2HTTPResponse r = api.create(user, "{\"imagesCollectionId\":\"" + cid + "\",\"timestamp\":\"2026-03-01T10:00:00Z\","
                + "\"images\":[{\"imageId\":\"" + a + "\",\"url\":\"https://img.example/a.png\"},{\"imageId\":\"" + b + "\",\"url\":\"https://img.example/b.png\"}]}");
        JsonNode body = expect(201, r);
        assertEquals("/collections/" + cid, r.getHeaders().get("location"));
        assertEquals(cid, body.get("imagesCollectionId").asText());
        assertEquals("2026-03-01T10:00:00Z", body.get("timestamp").asText());
        assertEquals(2, body.get("imageCount").asInt());
        assertEquals(a, body.get("images").get(0).get("imageId").asText());
        assertEquals(expect(200, api.get(user, cid)), body, "create answers the collection as GET returns it");

        Map<String, AttributeValue> item = storedItem(user, cid);
        assertEquals("https://img.example/a.png", item.get(UserImagesTable.COVER_URL).s());
        assertEquals(2, Integer.parseInt(item.get(UserImagesTable.IMAGE_COUNT).n()));
        assertEquals(List.of(a, b).stream().sorted().toList(), item.get(UserImagesTable.IMAGE_IDS).ss().stream().sorted().toList());
        assertTrue(Long.parseLong(item.get(UserImagesTable.SIZE_BYTES).n()) > 0);
        assertFalse(item.get(UserImagesTable.REQUEST_DIGEST).s().isEmpty());
    }

    @Test
    void createGeneratesMissingIdsAndTimestampAndAllowsNoImages() {
        JsonNode body = expect(201, api.create(user, "{\"images\":[]}"));
        String cid = body.get("imagesCollectionId").asText();
        assertTrue(cid.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        assertTrue(body.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertEquals(0, body.get("imageCount").asInt());
        Map<String, AttributeValue> item = storedItem(user, cid);
        assertFalse(item.containsKey(UserImagesTable.IMAGE_IDS), "no empty string set");
        assertFalse(item.containsKey(UserImagesTable.COVER_URL), "no cover while empty");
    }

    @Test
    void timestampsWithOffsetsAndFractionsAreNormalizedAndUpperCaseIdsAccepted() {
        String cid = id(), img = id();
        JsonNode body = expect(201, api.create(user, "{\"imagesCollectionId\":\"" + cid.toUpperCase() + "\","
                + "\"timestamp\":\"2026-03-01T12:30:45.987+02:00\",\"images\":[{\"imageId\":\"" + img.toUpperCase() + "\",\"url\":\"https://x.example/1\"}]}"));
        assertEquals(cid, body.get("imagesCollectionId").asText());
        assertEquals("2026-03-01T10:30:45Z", body.get("timestamp").asText());
        assertEquals(img, body.get("images").get(0).get("imageId").asText());
        expect(200, api.get(user, cid.toUpperCase()));
        expect(200, api.getImage(user, cid, img.toUpperCase()));
    }

    @Test
    void identicalReplayAnswers200WithTheCollectionAsItIsNow() {
        String cid = id(), a = id();
        String request = "{\"imagesCollectionId\":\"" + cid + "\",\"timestamp\":\"2026-01-01T00:00:00+00:00\",\"images\":" + images(List.of(a), "https://r.example/") + "}";
        expect(201, api.create(user, request));
        String b = id();
        expect(200, api.append(user, cid, "{\"images\":" + images(List.of(b), "https://r.example/") + "}"));
        APIGatewayV2HTTPResponse replay = api.create(user, request);
        JsonNode body = expect(200, replay);
        assertEquals(2, body.get("imageCount").asInt(), "the collection as it is now, nothing duplicated");
        assertEquals(expect(200, api.get(user, cid)), body);
        assertEquals("/collections/" + cid, replay.getHeaders().get("location"));
    }

    @Test
    void replayOfACreateWithServerGeneratedImageIdsDuplicatesNothing() {
        String cid = id();
        String request = "{\"imagesCollectionId\":\"" + cid + "\",\"images\":[{\"url\":\"https://g.example/1\"},{\"url\":\"https://g.example/2\"}]}";
        JsonNode first = expect(201, api.create(user, request));
        JsonNode again = expect(200, api.create(user, request));
        assertEquals(first.get("images"), again.get("images"), "the generated ids of the first request stand");
        assertEquals(first.get("timestamp"), again.get("timestamp"));
        assertEquals(2, expect(200, api.get(user, cid)).get("imageCount").asInt());
    }

    @Test
    void conflictingReplayAnswers409AndChangesNothing() {
        String cid = id();
        expect(201, api.create(user, "{\"imagesCollectionId\":\"" + cid + "\",\"images\":[{\"url\":\"https://c.example/1\"}]}"));
        Map<String, AttributeValue> before = storedItem(user, cid);
        expectError(409, "COLLECTION_EXISTS", api.create(user, "{\"imagesCollectionId\":\"" + cid + "\",\"images\":[{\"url\":\"https://c.example/other\"}]}"));
        expectError(409, "COLLECTION_EXISTS", api.create(user, "{\"imagesCollectionId\":\"" + cid + "\",\"timestamp\":\"2020-01-01T00:00:00Z\",\"images\":[{\"url\":\"https://c.example/1\"}]}"));
        assertEquals(before, storedItem(user, cid));
    }

    @Test
    void sameCollectionIdForAnotherUserIsTheirOwnCollection() {
        String cid = id();
        expect(201, api.create(user, "{\"imagesCollectionId\":\"" + cid + "\",\"images\":[{\"url\":\"https://u.example/mine\"}]}"));
        String other = TestApi.newUser();
        expectError(404, "COLLECTION_NOT_FOUND", api.get(other, cid));
        expectError(404, "COLLECTION_NOT_FOUND", api.append(other, cid, "{\"images\":[{\"url\":\"https://u.example/x\"}]}"));
        expect(201, api.create(other, "{\"imagesCollectionId\":\"" + cid + "\",\"images\":[]}"));
        assertEquals(1, expect(200, api.get(user, cid)).get("imageCount").asInt(), "the other user's create touched nothing of ours");
    }

    @Test
    void appendAddsAtTheEndAndRetriedAppendAddsNothing() {
        String cid = id();
        List<String> first = ids(2);
        expect(201, api.create(user, "{\"imagesCollectionId\":\"" + cid + "\",\"images\":" + images(first, "https://a.example/") + "}"));
        List<String> more = ids(3);
        String request = "{\"images\":" + images(more, "https://a.example/") + "}";
        JsonNode appended = expect(200, api.append(user, cid, request));
        assertEquals(cid, appended.get("imagesCollectionId").asText());
        assertEquals(3, appended.get("appended").asInt());
        assertEquals(5, appended.get("imageCount").asInt());

        JsonNode retried = expect(200, api.append(user, cid, request));
        assertEquals(0, retried.get("appended").asInt());
        assertEquals(5, retried.get("imageCount").asInt());

        // Part already there, part new: only the new part is added.
        List<String> overlap = new ArrayList<>(more.subList(1, 3));
        String fresh = id();
        overlap.add(fresh);
        JsonNode partial = expect(200, api.append(user, cid, "{\"images\":" + images(overlap, "https://a.example/") + "}"));
        assertEquals(1, partial.get("appended").asInt());
        assertEquals(6, partial.get("imageCount").asInt());

        JsonNode collection = expect(200, api.get(user, cid));
        List<String> order = new ArrayList<>();
        collection.get("images").forEach(i -> order.add(i.get("imageId").asText()));
        List<String> expected = new ArrayList<>(first);
        expected.addAll(more);
        expected.add(fresh);
        assertEquals(expected, order, "append order kept, nothing duplicated");
        assertEquals(6, collection.get("imageCount").asInt());
    }

    @Test
    void appendToAnEmptyCollectionSetsTheCover() {
        String cid = expect(201, api.create(user, "{\"images\":[]}")).get("imagesCollectionId").asText();
        expect(200, api.append(user, cid, "{\"images\":[{\"url\":\"https://cover.example/1\"},{\"url\":\"https://cover.example/2\"}]}"));
        assertEquals("https://cover.example/1", storedItem(user, cid).get(UserImagesTable.COVER_URL).s());
    }

    @Test
    void sameImageIdWithAnotherUrlIs409AndNothingIsAppended() {
        String cid = id(), a = id();
        expect(201, api.create(user, "{\"imagesCollectionId\":\"" + cid + "\",\"images\":[{\"imageId\":\"" + a + "\",\"url\":\"https://s.example/a\"}]}"));
        Map<String, AttributeValue> before = storedItem(user, cid);
        expectError(409, "IMAGE_ID_CONFLICT", api.append(user, cid, "{\"images\":[{\"url\":\"https://s.example/new\"},"
                + "{\"imageId\":\"" + a + "\",\"url\":\"https://s.example/changed\"}]}"));
        assertEquals(before, storedItem(user, cid));
    }

    @Test
    void appendToAMissingCollectionIs404() {
        expectError(404, "COLLECTION_NOT_FOUND", api.append(user, id(), "{\"images\":[{\"url\":\"https://m.example/1\"}]}"));
    }

    @Test
    void oneHundredAndOneImagesInOneRequestIs400() {
        String many = images(ids(101), "https://n.example/");
        expectError(400, "TOO_MANY_IMAGES", api.create(user, "{\"images\":" + many + "}"));
        String cid = expect(201, api.create(user, "{\"images\":[]}")).get("imagesCollectionId").asText();
        expectError(400, "TOO_MANY_IMAGES", api.append(user, cid, "{\"images\":" + many + "}"));
        assertEquals(0, expect(200, api.get(user, cid)).get("imageCount").asInt());
    }

    @Test
    void aCollectionPastOneThousandImagesIs413AndUnchanged() {
        String cid = expect(201, api.create(user, "{\"images\":" + images(ids(100), "https://k.example/") + "}"))
                .get("imagesCollectionId").asText();
        for (int i = 0; i < 9; i++) {
            expect(200, api.append(user, cid, "{\"images\":" + images(ids(100), "https://k.example/") + "}"));
        }
        Map<String, AttributeValue> before = storedItem(user, cid);
        assertEquals("1000", before.get(UserImagesTable.IMAGE_COUNT).n());
        expectError(413, "COLLECTION_TOO_LARGE", api.append(user, cid, "{\"images\":[{\"url\":\"https://k.example/one-more\"}]}"));
        assertEquals(before, storedItem(user, cid));
    }

    @Test
    void aCollectionPastTheItemSizeLimitIs413AndUnchanged() {
        String longUrl = "https://long.example/" + "x".repeat(1990) + "/"; // 2,047 chars with the id
        String cid = expect(201, api.create(user, "{\"images\":" + images(ids(100), longUrl) + "}"))
                .get("imagesCollectionId").asText();
        Map<String, AttributeValue> before = storedItem(user, cid);
        expectError(413, "COLLECTION_TOO_LARGE", api.append(user, cid, "{\"images\":" + images(ids(100), longUrl) + "}"));
        assertEquals(before, storedItem(user, cid));
        // Smaller appends still fit until the estimate says the item is full.
        int accepted = 0;
        APIGatewayV2HTTPResponse r;
        while ((r = api.append(user, cid, "{\"images\":" + images(ids(10), longUrl) + "}")).getStatusCode() == 200) accepted += 10;
        expectError(413, "COLLECTION_TOO_LARGE", r);
        assertTrue(accepted > 0 && accepted < 100, "accepted " + accepted);
        long estimate = Long.parseLong(storedItem(user, cid).get(UserImagesTable.SIZE_BYTES).n());
        assertTrue(estimate <= 400 * 1024, "estimate " + estimate);
    }

    @Test
    void aBodyOver256KbIs413() {
        String huge = "{\"images\":[{\"url\":\"https://big.example/" + "y".repeat(256 * 1024) + "\"}]}";
        expectError(413, "BODY_TOO_LARGE", api.create(user, huge));
    }

    @Test
    void aCollectionIdThatIsNotAUuidIs400() {
        expectError(400, "INVALID_ID", api.append(user, "not-a-uuid", "{\"images\":[{\"url\":\"https://b.example/1\"}]}"));
    }

    @Test
    void noVerifiedClaimsIs401() {
        var handler = new AppendCollectionHandler(DynamoDbExtension.components());
        expectError(401, "UNAUTHORIZED", handler.handleRequest(GatewayEvents.request(ApiRoute.CREATE_COLLECTION)
                .body("{\"images\":[]}").build(), null));
        expectError(401, "UNAUTHORIZED", handler.handleRequest(GatewayEvents.request(ApiRoute.CREATE_COLLECTION)
                .claims(Map.of("sub", "")).body("{\"images\":[]}").build(), null));
        expectError(401, "UNAUTHORIZED", handler.handleRequest(GatewayEvents.request(ApiRoute.CREATE_COLLECTION)
                .claims(Map.of("sub", "s".repeat(257))).body("{\"images\":[]}").build(), null));
        expectError(401, "UNAUTHORIZED", handler.handleRequest(GatewayEvents.request(ApiRoute.CREATE_COLLECTION)
                .claims(Map.of("iss", "https://issuer.example")).body("{\"images\":[]}").build(), null));
    }
}
