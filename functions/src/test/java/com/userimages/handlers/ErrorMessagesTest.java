package com.userimages.handlers;

import static com.userimages.testing.Responses.expect;
import static com.userimages.testing.Responses.expectError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.TestApi;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 400 messages that help: they name the duplicated key, the repeated parameter, the known name a
 * case slip meant, and echo a bad timestamp; whatever is echoed is escaped, short, printable ASCII.
 */
@ExtendWith(DynamoDbExtension.class)
class ErrorMessagesTest {
    private final TestApi api = new TestApi();
    private final String user = TestApi.newUser();

    /** The error's message, after asserting the code and that the message is safe to print anywhere. */
    private static String message(int status, String code, APIGatewayV2HTTPResponse response) {
        String message = expectError(status, code, response).get("error").get("message").asText();
        assertTrue(message.matches("[\\x20-\\x7e]{1,400}"), () -> "not short printable ASCII: " + message);
        assertTrue(response.getBody().matches("[\\x20-\\x7e]*"), () -> "body not printable ASCII: " + response.getBody());
        return message;
    }

    @Test
    void aDuplicatedKeyIsNamed() {
        assertEquals("The body holds the key \"images\" twice in one object; send each key once.",
                message(400, "INVALID_JSON", api.create(user, "{\"images\":[],\"images\":[]}")));
        assertEquals("The body holds the key \"url\" twice in one object; send each key once.",
                message(400, "INVALID_JSON", api.create(user, "{\"images\":[{\"url\":\"https://a.example/1\",\"url\":\"https://a.example/2\"}]}")));
        assertEquals(0, expect(200, api.list(user)).get("items").size(), "nothing stored");
    }

    @Test
    void aDuplicatedKeyWithHostileBytesIsEscapedAndCut() {
        String key = "\\u2028\\u0000\\u202e\\u001b[2J" + "k".repeat(10_000);
        String m = message(400, "INVALID_JSON", api.create(user, "{\"images\":[],\"" + key + "\":1,\"" + key + "\":1}"));
        assertTrue(m.startsWith("The body holds the key \"\\u2028\\u0000\\u202E\\u001B[2Jkkk"), m);
        assertTrue(m.contains("\"... (10007 characters) twice in one object"), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{images:[]}", "{\"images\":[]} {}", "{\"images\":[]}x", "{\"images\":[],}"})
    void otherSyntaxErrorsKeepTheGenericMessage(String body) {
        assertEquals("The body is not valid JSON.", message(400, "INVALID_JSON", api.create(user, body)));
    }

    static Stream<Arguments> caseSlips() {
        return Stream.of(
                Arguments.of("{\"Images\":[]}", "body has an unknown field: \"Images\"; did you mean \"images\"?"),
                Arguments.of("{\"images\":[],\"TimeStamp\":\"2026-01-01T00:00:00Z\"}",
                        "body has an unknown field: \"TimeStamp\"; did you mean \"timestamp\"?"),
                Arguments.of("{\"images\":[{\"URL\":\"https://a.example/1\"}]}",
                        "images[0] has an unknown field: \"URL\"; did you mean \"url\"?"),
                Arguments.of("{\"images\":[],\"owner\":\"bob\"}", "body has an unknown field: \"owner\"."));
    }

    @ParameterizedTest
    @MethodSource("caseSlips")
    void anUnknownFieldDifferingOnlyInCaseNamesTheKnownOne(String body, String expected) {
        assertEquals(expected, message(400, "UNKNOWN_FIELD", api.create(user, body)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u2028", "\\u0000", "\\u202e", "\\ud83d\\ude00", "\\r\\n[INFO] forged", "\\\"}"})
    void anUnknownFieldWithHostileCharactersIsEscaped(String escapedName) {
        String m = message(400, "UNKNOWN_FIELD", api.create(user, "{\"images\":[],\"" + escapedName + "x\":1}"));
        assertTrue(m.startsWith("body has an unknown field: \""), m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800", "\\udfff\\ud800"})
    void aLoneSurrogateEscapeInABodyIsNotValidJson(String escapedName) {
        assertEquals("The body is not valid JSON.", message(400, "INVALID_JSON", api.create(user, "{\"images\":[],\"" + escapedName + "\":1}")));
    }

    @Test
    void aHugeUnknownFieldNameIsCut() {
        String m = message(400, "UNKNOWN_FIELD", api.create(user, "{\"" + "f".repeat(10_000) + "\":1,\"images\":[]}"));
        assertEquals("body has an unknown field: \"" + "f".repeat(40) + "\"... (10000 characters).", m);
    }

    @Test
    void aBodyTimestampShowsWhatWasReceivedWithoutTheQueryStringHint() {
        String m = message(400, "INVALID_TIMESTAMP", api.create(user, "{\"timestamp\":\"2026-01-31T14:00:00 02:00\",\"images\":[]}"));
        assertTrue(m.startsWith("timestamp must be "), m);
        assertTrue(m.endsWith(" Received \"2026-01-31T14:00:00 02:00\"."), m);
    }

    static Stream<Arguments> repeatedParameters() {
        return Stream.of(
                Arguments.of("limit", "5", "6", "INVALID_LIMIT"),
                Arguments.of("minImages", "1", "1", "INVALID_MIN_IMAGES"),
                Arguments.of("order", "asc", "asc", "INVALID_ORDER"),
                Arguments.of("from", "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "INVALID_TIMESTAMP"),
                Arguments.of("to", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "INVALID_TIMESTAMP"),
                Arguments.of("nextToken", "abc", "abc", "INVALID_TOKEN"));
    }

    @ParameterizedTest(name = "{0} twice -> {3}")
    @MethodSource("repeatedParameters")
    void aRepeatedQueryParameterSaysSo(String name, String first, String second, String code) {
        assertEquals(name + " appears more than once in the query string; send it once.",
                message(400, code, api.list(user, name, first, name, second)));
    }

    @Test
    void aRepeatedUnknownParameterIsStillUnknown() {
        assertEquals("Unknown query parameter: \"Limit\"; did you mean \"limit\"?",
                message(400, "UNKNOWN_PARAMETER", api.list(user, "Limit", "1", "Limit", "2")));
    }

    @Test
    void anUnknownParameterDifferingOnlyInCaseNamesTheKnownOne() {
        assertEquals("Unknown query parameter: \"minimages\"; did you mean \"minImages\"?",
                message(400, "UNKNOWN_PARAMETER", api.list(user, "minimages", "3")));
        assertEquals("Unknown query parameter: \"NextToken\"; did you mean \"nextToken\"?",
                message(400, "UNKNOWN_PARAMETER", api.list(user, "NextToken", "x")));
        assertEquals("Unknown query parameter: \"userId\".", message(400, "UNKNOWN_PARAMETER", api.list(user, "userId", "bob")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u2028", "\u0000", "\ud800", "\u202e", "\r\n", "\u001b[2J"})
    void anUnknownParameterWithHostileCharactersIsEscaped(String unit) {
        String m = message(400, "UNKNOWN_PARAMETER", api.list(user, "p" + unit.repeat(5_000), "1"));
        assertTrue(m.startsWith("Unknown query parameter: \"p\\u"), m);
        assertTrue(m.endsWith("characters)."), m);
    }

    @Test
    void aTimestampWithAPlusSentUnencodedGetsTheHint() {
        // "from=2026-01-31T14:00:00+02:00" unencoded: form decoding turns the + into a space.
        String m = message(400, "INVALID_TIMESTAMP", api.list(user, "from", "2026-01-31T14:00:00 02:00"));
        assertTrue(m.startsWith("from must be "), m);
        assertTrue(m.endsWith(" Received \"2026-01-31T14:00:00 02:00\". In a query string an unencoded + arrives as a space: send it as %2B."), m);
        // Sent as %2B, the same instant is accepted.
        expect(200, api.list(user, "from", "2026-01-31T14:00:00+02:00"));
    }

    @Test
    void aHostileTimestampIsEscapedAndCut() {
        String m = message(400, "INVALID_TIMESTAMP", api.list(user, "to", "\u2028\u0000\ud800" + "9".repeat(10_000)));
        assertTrue(m.contains(" Received \"\\u2028\\u0000\\uD800999"), m);
        assertTrue(m.endsWith("\"... (10003 characters)."), m);
    }
}
