package com.userimages.handlers;

import static com.userimages.testing.Responses.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.contract.ApiRoute;
import com.userimages.core.model.Bounds;
import com.userimages.core.service.CollectionService;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.Responses;
import com.userimages.testing.Race;
import com.userimages.testing.TestApi;
import com.userimages.core.http.GatewayEvents;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The write condition, not a read before the write, keeps the bounds and idempotency: appends
 * racing on one collection never cross the image bound, and racing retries of one request add
 * its images once.
 */
@ExtendWith(DynamoDbExtension.class)
class ConcurrentAppendTest {
    private static final int THREADS = Race.THREADS;

    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();

    private static List<APIGatewayV2HTTPResponse> race(int count, IntFunction<APIGatewayV2HTTPResponse> call) throws Exception {
        return Race.run(count, call);
    }

    @Test
    void racingAppendsNeverCrossTheImageBound() throws Exception {
        // A small bound from the settings' shape (Bounds), so the race is about the bound, not about volume.
        Bounds bounds = new Bounds(100, 20);
        var handler = new AppendCollectionHandler(DynamoDbExtension.componentsBuilder().collectionService(new CollectionService(DynamoDbExtension.components().collectionRepository(), bounds)).bounds(bounds).build());
        String cid = expect(201, handler.handleRequest(GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(user)
                .body("{\"images\":[]}").build(), null)).get("imagesCollectionId").asText();

        List<APIGatewayV2HTTPResponse> responses = race(16, i -> handler.handleRequest(GatewayEvents.request(ApiRoute.APPEND_IMAGES)
                .as(user).path("collectionId", cid)
                .body("{\"images\":[{\"url\":\"https://race.example/" + i + "/a\"},{\"url\":\"https://race.example/" + i + "/b\"},"
                        + "{\"url\":\"https://race.example/" + i + "/c\"}]}").build(), null));

        int accepted = 0;
        for (APIGatewayV2HTTPResponse r : responses) {
            if (r.getStatusCode() == 200) {
                accepted++;
            } else {
                Responses.expectError(413, "COLLECTION_TOO_LARGE", r);
            }
        }
        assertEquals(6, accepted, "exactly floor(20 / 3) appends of 3 fit");
        JsonNode stored = expect(200, api.get(user, cid));
        assertEquals(18, stored.get("imageCount").asInt());
        assertEquals(18, stored.get("images").size());
    }

    @Test
    void racingRetriesOfOneRequestAddItsImagesOnce() throws Exception {
        String cid = expect(201, api.create(user, "{\"images\":[{\"url\":\"https://retry.example/first\"}]}"))
                .get("imagesCollectionId").asText();
        String a = UUID.randomUUID().toString(), b = UUID.randomUUID().toString();
        String request = "{\"images\":[{\"imageId\":\"" + a + "\",\"url\":\"https://retry.example/a\"},"
                + "{\"imageId\":\"" + b + "\",\"url\":\"https://retry.example/b\"}]}";

        List<APIGatewayV2HTTPResponse> responses = race(THREADS, i -> api.append(user, cid, request));

        int totalAppended = 0;
        for (APIGatewayV2HTTPResponse r : responses) {
            JsonNode body = expect(200, r);
            totalAppended += body.get("appended").asInt();
            assertEquals(3, body.get("imageCount").asInt(), "every answer reports the one resulting collection");
        }
        assertEquals(2, totalAppended, "the two images were added once, by whichever retry won");
        JsonNode stored = expect(200, api.get(user, cid));
        Set<String> ids = new HashSet<>();
        stored.get("images").forEach(i -> assertTrue(ids.add(i.get("imageId").asText()), "no duplicate ids"));
        assertEquals(3, ids.size());
    }
}
