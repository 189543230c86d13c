package com.userimages.handlers;

import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.TestApi;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bodies at the edges of the streaming JSON reader, through the handlers: the number forms, depth,
 * BOM, whitespace and emptiness each get the same clear 400 (or the same success) as before, and a
 * refused body stores nothing.
 */
@ExtendWith(DynamoDbExtension.class)
class JsonBodyEdgeCasesTest {
    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();

    static Stream<Arguments> refusedCreateBodies() {
        // The parser's limit is 1000 levels, counting the body object and the images array.
        String deepest = "[".repeat(998) + "]".repeat(998);
        String tooDeep = "[".repeat(999) + "]".repeat(999);
        return Stream.of(
                Arguments.of("{\"imagesCollectionId\":1e2,\"images\":[]}", "INVALID_BODY", "imagesCollectionId must be a string."),
                Arguments.of("{\"timestamp\":1.0,\"images\":[]}", "INVALID_BODY", "timestamp must be a string."),
                Arguments.of("{\"timestamp\":-0,\"images\":[]}", "INVALID_BODY", "timestamp must be a string."),
                Arguments.of("{\"timestamp\":true,\"images\":[]}", "INVALID_BODY", "timestamp must be a string."),
                Arguments.of("{\"timestamp\":" + "9".repeat(1000) + ",\"images\":[]}", "INVALID_BODY", "timestamp must be a string."),
                // Longer than the parser's number limit: not JSON this service reads.
                Arguments.of("{\"timestamp\":" + "9".repeat(1001) + ",\"images\":[]}", "INVALID_JSON", "The body is not valid JSON."),
                Arguments.of("{\"images\":[{\"url\":1e400}]}", "INVALID_BODY", "images[0].url must be a string."),
                Arguments.of("{\"images\":[{\"url\":NaN}]}", "INVALID_JSON", "The body is not valid JSON."),
                Arguments.of("{\"images\":[-]}", "INVALID_JSON", "The body is not valid JSON."),
                Arguments.of("{\"images\":[01]}", "INVALID_JSON", "The body is not valid JSON."),
                Arguments.of("{\"images\":[1]}", "INVALID_BODY", "images[0] must be an object."),
                Arguments.of("{\"images\":[" + deepest + "]}", "INVALID_BODY", "images[0] must be an object."),
                Arguments.of("{\"images\":[" + tooDeep + "]}", "INVALID_JSON", "The body is not valid JSON."),
                Arguments.of("{\"images\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}", "INVALID_JSON", "The body is not valid JSON."),
                Arguments.of("\uFEFF{\"images\":[]}", "INVALID_JSON", "The body is not valid JSON."),
                Arguments.of(" \t\r\n ", "INVALID_JSON", "The body is empty."),
                Arguments.of("null", "INVALID_JSON", "The body must be a JSON object."),
                Arguments.of("\"{}\"", "INVALID_JSON", "The body must be a JSON object."),
                Arguments.of("[] []", "INVALID_JSON", "The body is not valid JSON."),
                Arguments.of("{\"images\":[]} /* */", "INVALID_JSON", "The body is not valid JSON."),
                Arguments.of("{\"images\":[],\"owner\":1e2}", "UNKNOWN_FIELD", "body has an unknown field: \"owner\"."),
                // The unknown field is named even when it comes after a value of the wrong type.
                Arguments.of("{\"images\":5,\"Owner\":null}", "UNKNOWN_FIELD", "body has an unknown field: \"Owner\"."),
                Arguments.of("{\"images\":[],\"a\":{\"b\":1,\"b\":2}}", "INVALID_JSON",
                        "The body holds the key \"b\" twice in one object; send each key once."));
    }

    @ParameterizedTest
    @MethodSource("refusedCreateBodies")
    void createRefusesWithTheSameMessage(String body, String code, String message) {
        APIGatewayV2HTTPResponse response = api.create(user, body);
        assertEquals(message, expectError(400, code, response).get("error").get("message").asText());
        assertEquals(0, expect(200, api.list(user)).get("count").asInt(), "a refused body stores nothing");
    }

    @Test
    void whitespaceAroundTheValueIsJson() {
        String id = UUID.randomUUID().toString();
        String body = " \r\n\t{ \"imagesCollectionId\" : \"" + id + "\" ,\n \"images\" : [ { \"url\" : \"https://a.example/1\" } ] }\n\t ";
        assertEquals(id, expect(201, api.create(user, body)).get("imagesCollectionId").asText());
    }

    @Test
    void explicitNullsAreAbsentOptionals() {
        var body = expect(201, api.create(user, "{\"imagesCollectionId\":null,\"timestamp\":null,\"images\":[{\"imageId\":null,\"url\":\"https://a.example/1\"}]}"));
        assertEquals(1, body.get("imageCount").asInt());
        assertEquals(36, body.get("images").get(0).get("imageId").asText().length(), "a generated id");
    }

    @Test
    void reorderRefusesNumbersAndNullsAsIds() {
        String cid = expect(201, api.create(user, "{\"images\":[{\"url\":\"https://a.example/1\"}]}")).get("imagesCollectionId").asText();
        assertEquals("imageIds[0] must be a string.", expectError(400, "INVALID_BODY",
                api.reorder(user, cid, "{\"imageIds\":[1e2]}")).get("error").get("message").asText());
        assertEquals("imageIds[0] must be a string.", expectError(400, "INVALID_BODY",
                api.reorder(user, cid, "{\"imageIds\":[null]}")).get("error").get("message").asText());
        assertEquals("imageIds is required.", expectError(400, "INVALID_BODY",
                api.reorder(user, cid, "{\"imageIds\":null}")).get("error").get("message").asText());
        assertEquals("imageIds must be an array.", expectError(400, "INVALID_BODY",
                api.reorder(user, cid, "{\"imageIds\":-0}")).get("error").get("message").asText());
    }
}
