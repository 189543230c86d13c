package com.userimages.local.gateway;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleTextTest {

    @Test
    void nothingOutsidePrintableAsciiReachesTheConsole() {
        assertEquals("/collections/abc", ConsoleText.escape("/collections/abc", 100));
        assertEquals("a\\u000d\\u000aGET /forged", ConsoleText.escape("a\r\nGET /forged", 100));
        assertEquals("\\u2028\\u202e\\u001b[31m\\u0000\\ud800\\u005c", ConsoleText.escape("\u2028\u202e\u001b[31m\u0000\ud800\\", 100));
        assertEquals("-", ConsoleText.escape(null, 10));
    }

    @Test
    void longValuesAreCut() {
        String cut = ConsoleText.escape("K".repeat(5_000), 64);
        assertTrue(cut.startsWith("K".repeat(64) + "..."), cut);
        assertTrue(cut.length() < 100, cut);
    }

    @Test
    void headerParametersHaveNoQuotesControlsOrBackslashes() {
        String value = ConsoleText.headerParameter("a\"b\\c\r\nd\u2028e", 100);
        assertEquals("a_b_c__d_e", value);
        assertEquals(10, ConsoleText.headerParameter("x".repeat(50), 10).length());
    }

    @Test
    void theRequestLineIsOneEscapedLine() {
        String line = RequestLogHandler.line("GET", "/a\nGET /forged", 404, "NOT_FOUND", 3, "(no such route)\n", "Mc7UVioPPHcEKPA=");
        assertEquals("GET /a\\u000aGET /forged -> 404 NOT_FOUND (3 ms) (no such route)\\u000a id=Mc7UVioPPHcEKPA=", line);
        assertFalse(line.contains("\n"));
        assertEquals("POST /collections -> 201 (35 ms) [append-collection] id=Mc7UVioPPHcEKPA=",
                RequestLogHandler.line("POST", "/collections", 201, "", 35, "[append-collection]", "Mc7UVioPPHcEKPA="));
        assertEquals("GET /x -> 400 EVIL\\u000d\\u000aGET_/forged (1 ms) id=r\\u001b[2J",
                RequestLogHandler.line("GET", "/x", 400, "EVIL\r\nGET_/forged", 1, "", "r\u001b[2J"));
    }

    @Test
    void theErrorCodeIsTheFunctionsOrTheGatewaysMessageAsACode() {
        assertEquals("INVALID_JSON", RequestLogHandler.errorCode(GatewayReply.json(400,
                "{\"error\":{\"code\":\"INVALID_JSON\",\"message\":\"m\",\"requestId\":\"r\"}}")));
        assertEquals("UNAUTHORIZED", RequestLogHandler.errorCode(GatewayReply.message(401, "Unauthorized")));
        assertEquals("NOT_FOUND", RequestLogHandler.errorCode(GatewayReply.notFound()));
        assertEquals("REQUEST_ENTITY_TOO_LARGE", RequestLogHandler.errorCode(GatewayReply.message(413, "Request Entity Too Large")));
        assertEquals("INTERNAL_SERVER_ERROR", RequestLogHandler.errorCode(GatewayReply.internalServerError()));
        assertEquals("", RequestLogHandler.errorCode(GatewayReply.json(200, "{\"error\":{\"code\":\"X\"}}")), "a success has no code");
        assertEquals("", RequestLogHandler.errorCode(GatewayReply.json(400, "not json")));
        assertEquals("", RequestLogHandler.errorCode(GatewayReply.json(400, "[1]")));
        assertEquals("", RequestLogHandler.errorCode(GatewayReply.json(502, "")));
        assertEquals("", RequestLogHandler.errorCode(GatewayReply.json(400, "{\"error\":{\"code\":7}}")));
    }
}
