package com.userimages.handlers;

import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.Responses;
import com.userimages.testing.TestApi;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DynamoDbExtension.class)
class GetItemHandlerTest {
    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();
    private final String collectionId = UUID.randomUUID().toString();
    private final String first = UUID.randomUUID().toString();
    private final String second = UUID.randomUUID().toString();

    @BeforeEach
    void createCollection() {
        expect(201, api.create(user, "{\"imagesCollectionId\":\"" + collectionId + "\",\"timestamp\":\"2026-02-02T02:02:02Z\",\"images\":["
                + "{\"imageId\":\"" + first + "\",\"url\":\"https://g.example/1\"},"
                + "{\"imageId\":\"" + second + "\",\"url\":\"https://g.example/2\"}]}"));
    }

    @Test
    void getCollectionAnswersItWithItsImagesInOrder() {
        JsonNode body = expect(200, api.get(user, collectionId));
        assertEquals(collectionId, body.get("imagesCollectionId").asText());
        assertEquals("2026-02-02T02:02:02Z", body.get("timestamp").asText());
        assertEquals(2, body.get("imageCount").asInt());
        assertEquals(second, body.get("images").get(1).get("imageId").asText());
        assertEquals("https://g.example/2", body.get("images").get(1).get("url").asText());
        assertEquals(4, body.size(), "exactly API.md's fields");
    }

    @Test
    void getImageByIdAnswersItsUrlAndPosition() {
        JsonNode body = expect(200, api.getImage(user, collectionId, second));
        assertEquals(collectionId, body.get("imagesCollectionId").asText());
        assertEquals(second, body.get("imageId").asText());
        assertEquals("https://g.example/2", body.get("url").asText());
        assertEquals(1, body.get("position").asInt());
        assertEquals(0, expect(200, api.getImage(user, collectionId, first)).get("position").asInt());
    }

    @Test
    void missingCollectionOrImageIs404() {
        expectError(404, "COLLECTION_NOT_FOUND", api.get(user, UUID.randomUUID().toString()));
        expectError(404, "IMAGE_NOT_FOUND", api.getImage(user, collectionId, UUID.randomUUID().toString()));
    }

    @Test
    void anotherUsersIdsAre404ExactlyAsMissingOnes() {
        String other = TestApi.newUser();
        var foreign = api.get(other, collectionId);
        var missing = api.get(other, UUID.randomUUID().toString());
        expectError(404, "COLLECTION_NOT_FOUND", foreign);
        expectError(404, "COLLECTION_NOT_FOUND", missing);
        assertEquals(
                Responses.body(missing).get("error").get("message"),
                Responses.body(foreign).get("error").get("message"));
        expectError(404, "COLLECTION_NOT_FOUND", api.getImage(other, collectionId, first));
    }

    @Test
    void malformedIdsAre400() {
        expectError(400, "INVALID_ID", api.get(user, "../etc"));
        expectError(400, "INVALID_ID", api.getImage(user, collectionId, "1"));
    }
}
