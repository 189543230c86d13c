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
        String line = RequestLogHandler.line("GET", "/a\nGET /forged", 404, 3, "(no such route)\n");
        assertEquals("GET /a\\u000aGET /forged -> 404 (3 ms) (no such route)\\u000a", line);
        assertFalse(line.contains("\n"));
    }

    @Test
    void percentEncodingMustBeWellFormed() {
        assertTrue(JettyGatewayHandler.wellFormedPercentEncoding(null));
        assertTrue(JettyGatewayHandler.wellFormedPercentEncoding("a=%2F&b=%e2%82%ac"));
        for (String bad : new String[] {"%", "%z", "%zz", "a=%4", "%%41", "x%g0"}) {
            assertFalse(JettyGatewayHandler.wellFormedPercentEncoding(bad), bad);
        }
    }
}
