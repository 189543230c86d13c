package com.userimages.handlers;

import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiRoute;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.TestApi;
import com.userimages.testing.TestLogs;
import com.userimages.core.http.GatewayEvents;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code sub} with an unpaired surrogate was once accepted, and the SDK's UTF-8
 * encoding turned {@code "mallory\ud800"} into {@code "mallory?"}: the caller read, listed and
 * appended to another user's collections. Every unusable sub is now a 401 before any data is touched.
 */
@ExtendWith(DynamoDbExtension.class)
class SubjectPartitionTest {
    private final TestApi api = new TestApi();
    private final AppendCollectionHandler append = new AppendCollectionHandler(DynamoDbExtension.components());
    private final GetItemHandler get = new GetItemHandler(DynamoDbExtension.components());
    private final ListPageHandler list = new ListPageHandler(DynamoDbExtension.components());

    @Test
    void anUnpairedSurrogateDoesNotReachTheUserItEncodesTo() {
        String suffix = UUID.randomUUID().toString();
        String victim = "mallory?" + suffix;
        String attacker = "mallory\ud800" + suffix;
        String collectionId = UUID.randomUUID().toString();
        expect(201, api.create(victim, "{\"imagesCollectionId\":\"" + collectionId + "\",\"images\":[{\"url\":\"https://v.example/1\"}]}"));

        expectError(401, "UNAUTHORIZED", api.get(attacker, collectionId));
        expectError(401, "UNAUTHORIZED", api.list(attacker));
        expectError(401, "UNAUTHORIZED", api.append(attacker, collectionId, "{\"images\":[{\"url\":\"https://m.example/x\"}]}"));
        expectError(401, "UNAUTHORIZED", api.create(attacker, "{\"images\":[{\"url\":\"https://m.example/y\"}]}"));

        // The victim's collection is as it was.
        assertEquals(1, expect(200, api.get(victim, collectionId)).get("imageCount").asInt());
        assertEquals(1, expect(200, api.list(victim)).get("count").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800", "a\udc00", "\udbff\udbff", "a\u0000b", "tab\tsub", "line\nbreak", "del\u007f",
            "c1\u0085", "esc\u001b[31m", "\u009f"})
    void everyUnusableSubIs401OnEveryFunction(String sub) {
        String id = UUID.randomUUID().toString();
        expectError(401, "UNAUTHORIZED", call(ApiRoute.GET_COLLECTION, sub, Map.of("collectionId", id), null));
        expectError(401, "UNAUTHORIZED", call(ApiRoute.GET_IMAGE, sub, Map.of("collectionId", id, "imageId", id), null));
        expectError(401, "UNAUTHORIZED", call(ApiRoute.LIST_COLLECTIONS, sub, Map.of(), null));
        expectError(401, "UNAUTHORIZED", call(ApiRoute.CREATE_COLLECTION, sub, Map.of(), "{\"images\":[]}"));
        expectError(401, "UNAUTHORIZED", call(ApiRoute.APPEND_IMAGES, sub, Map.of("collectionId", id),
                "{\"images\":[{\"url\":\"https://x.example/1\"}]}"));
    }

    @Test
    void lengthCountsCodePointsNotChars() {
        // 256 emoji: 512 UTF-16 chars, 256 code points, usable.
        String emoji = "😀".repeat(255) + UUID.randomUUID().toString().substring(0, 1);
        expect(201, api.create(emoji, "{\"images\":[]}"));
        expectError(401, "UNAUTHORIZED", api.create("😀".repeat(257), "{\"images\":[]}"));
        expectError(401, "UNAUTHORIZED", api.create("", "{\"images\":[]}"));
    }

    private APIGatewayV2HTTPResponse call(ApiRoute route, String sub, Map<String, String> path, String body) {
        GatewayEvents event = GatewayEvents.request(route).as(sub);
        // The sub never reaches a request line (GatewayEvents is main code and does not register it).
        TestLogs.forbid(sub);
        path.forEach(event::path);
        if (body != null) event.body(body);
        return switch (route.function()) {
            case APPEND_COLLECTION -> append.handleRequest(event.build(), null);
            case GET_ITEM -> get.handleRequest(event.build(), null);
            case LIST_PAGE -> list.handleRequest(event.build(), null);
            default -> throw new IllegalArgumentException(route.toString());
        };
    }
}
