package com.userimages.handlers;

import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.contract.ApiRoute;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.TestApi;
import com.userimages.core.http.GatewayEvents;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** API.md's 400 list for bodies: every case is a clear 4xx JSON error and nothing is stored. */
@ExtendWith(DynamoDbExtension.class)
class BadInputTest {
    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();
    private String collectionId;

    @BeforeEach
    void createCollection() {
        collectionId = expect(201, api.create(user, "{\"images\":[{\"url\":\"https://ok.example/1\"}]}"))
                .get("imagesCollectionId").asText();
    }

    static Stream<Arguments> badCreateBodies() {
        String id = UUID.randomUUID().toString();
        return Stream.of(
                Arguments.of("not JSON", "{images:[]}", "INVALID_JSON"),
                Arguments.of("trailing data", "{\"images\":[]} {}", "INVALID_JSON"),
                Arguments.of("trailing garbage", "{\"images\":[]}x", "INVALID_JSON"),
                Arguments.of("duplicate key", "{\"images\":[],\"images\":[]}", "INVALID_JSON"),
                Arguments.of("array body", "[]", "INVALID_JSON"),
                Arguments.of("empty body", "", "INVALID_JSON"),
                Arguments.of("unknown field", "{\"images\":[],\"owner\":\"bob\"}", "UNKNOWN_FIELD"),
                Arguments.of("unknown image field", "{\"images\":[{\"url\":\"https://a.example\",\"size\":1}]}", "UNKNOWN_FIELD"),
                Arguments.of("images missing", "{}", "INVALID_BODY"),
                Arguments.of("images not array", "{\"images\":{}}", "INVALID_BODY"),
                Arguments.of("image not object", "{\"images\":[\"https://a.example\"]}", "INVALID_BODY"),
                Arguments.of("id wrong type", "{\"imagesCollectionId\":42,\"images\":[]}", "INVALID_BODY"),
                Arguments.of("url wrong type", "{\"images\":[{\"url\":7}]}", "INVALID_BODY"),
                Arguments.of("bad collection id", "{\"imagesCollectionId\":\"123\",\"images\":[]}", "INVALID_ID"),
                Arguments.of("lenient-only uuid", "{\"imagesCollectionId\":\"1-1-1-1-1\",\"images\":[]}", "INVALID_ID"),
                Arguments.of("bad image id", "{\"images\":[{\"imageId\":\"zz\",\"url\":\"https://a.example\"}]}", "INVALID_ID"),
                Arguments.of("url missing", "{\"images\":[{\"imageId\":\"" + id + "\"}]}", "INVALID_URL"),
                Arguments.of("ftp url", "{\"images\":[{\"url\":\"ftp://a.example/x\"}]}", "INVALID_URL"),
                Arguments.of("relative url", "{\"images\":[{\"url\":\"/a/b.png\"}]}", "INVALID_URL"),
                Arguments.of("non-ASCII url", "{\"images\":[{\"url\":\"https://a.example/é\"}]}", "INVALID_URL"),
                Arguments.of("url with space", "{\"images\":[{\"url\":\"https://a.example/a b\"}]}", "INVALID_URL"),
                Arguments.of("url too long", "{\"images\":[{\"url\":\"https://a.example/" + "z".repeat(2040) + "\"}]}", "INVALID_URL"),
                Arguments.of("timestamp without offset", "{\"timestamp\":\"2026-01-01T00:00:00\",\"images\":[]}", "INVALID_TIMESTAMP"),
                Arguments.of("timestamp garbage", "{\"timestamp\":\"yesterday\",\"images\":[]}", "INVALID_TIMESTAMP"),
                Arguments.of("duplicate image ids", "{\"images\":[{\"imageId\":\"" + id + "\",\"url\":\"https://a.example/1\"},"
                        + "{\"imageId\":\"" + id.toUpperCase() + "\",\"url\":\"https://a.example/1\"}]}", "DUPLICATE_IMAGE_ID"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCreateBodies")
    void createRefusesWith400(String name, String body, String code) {
        expectError(400, code, api.create(user, body));
    }

    static Stream<Arguments> badAppendBodies() {
        return Stream.of(
                Arguments.of("empty images", "{\"images\":[]}", "INVALID_BODY"),
                Arguments.of("unknown field", "{\"images\":[{\"url\":\"https://a.example\"}],\"timestamp\":\"2026-01-01T00:00:00Z\"}", "UNKNOWN_FIELD"),
                Arguments.of("not JSON", "images", "INVALID_JSON"),
                Arguments.of("bad url", "{\"images\":[{\"url\":\"javascript:alert(1)\"}]}", "INVALID_URL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAppendBodies")
    void appendRefusesWith400AndStoresNothing(String name, String body, String code) {
        expectError(400, code, api.append(user, collectionId, body));
        assertEquals(1, expect(200, api.get(user, collectionId)).get("imageCount").asInt());
    }

    @Test
    void aBodyThatIsNotUtf8Is400() {
        byte[] latin1 = "{\"images\":[{\"url\":\"https://a.example/\u00e9\"}]}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        APIGatewayV2HTTPResponse r = new AppendCollectionHandler(DynamoDbExtension.components()).handleRequest(GatewayEvents.request(ApiRoute.CREATE_COLLECTION)
                .as(user).base64Body(Base64.getEncoder().encodeToString(latin1)).build(), null);
        expectError(400, "INVALID_JSON", r);
    }

    @Test
    void aBase64BodyIsDecoded() {
        String json = "{\"images\":[{\"url\":\"https://b64.example/1\"}]}";
        APIGatewayV2HTTPResponse r = new AppendCollectionHandler(DynamoDbExtension.components()).handleRequest(GatewayEvents.request(ApiRoute.CREATE_COLLECTION)
                .as(user).base64Body(Base64.getEncoder().encodeToString(json.getBytes())).build(), null);
        assertEquals(1, expect(201, r).get("imageCount").asInt());
    }

    @Test
    void anEventForAnotherFunctionsRouteIs404() {
        APIGatewayV2HTTPResponse r = new AppendCollectionHandler(DynamoDbExtension.components()).handleRequest(GatewayEvents.request(ApiRoute.GET_COLLECTION)
                .as(user).path("collectionId", collectionId).build(), null);
        expectError(404, "ROUTE_NOT_FOUND", r);
    }
}
