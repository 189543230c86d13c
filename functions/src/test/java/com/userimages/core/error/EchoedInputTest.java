package com.userimages.core.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EchoedInputTest {
    private static final Pattern PRINTABLE_ASCII = Pattern.compile("[\\x20-\\x7e]*");

    @Test
    void quotesPrintableAsciiAsIs() {
        assertEquals("\"2026-01-31T12:00:00 01:00\"", EchoedInput.quoted("2026-01-31T12:00:00 01:00"));
    }

    @Test
    void escapesQuotesAndBackslashesSoTheQuoteCannotBeClosedEarly() {
        assertEquals("\"a\\\"b\\\\c\"", EchoedInput.quoted("a\"b\\c"));
    }

    @Test
    void escapesEverythingOutsidePrintableAscii() {
        assertEquals("\"a\\u000Ab\\u0000\\u001B[31m\\u007F\"", EchoedInput.quoted("a\nb\u0000\u001b[31m\u007f"));
        assertEquals("\"\\u2028\\u2029\\u202E\\u00E9\"", EchoedInput.quoted("\u2028\u2029\u202e\u00e9"));
        // A lone surrogate (invalid UTF-16) and a valid pair both become plain text.
        assertEquals("\"\\uD800x\\uD83D\\uDE00\"", EchoedInput.quoted("\ud800x\ud83d\ude00"));
    }

    @Test
    void cutsLongInputAndSaysHowLongItWas() {
        String echoed = EchoedInput.quoted("z".repeat(10_000));
        assertEquals("\"" + "z".repeat(EchoedInput.MAX_CHARS) + "\"... (10000 characters)", echoed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\r\n", "\u2028", "\ud800", "\udfff", "\"", "\\", "\u202e\u0000\"\\"})
    void theWorstCharactersRepeatedStayPrintableAndBounded(String unit) {
        String echoed = EchoedInput.quoted(unit.repeat(10_000));
        assertTrue(PRINTABLE_ASCII.matcher(echoed).matches(), echoed);
        assertTrue(echoed.length() <= 2 + 6 * EchoedInput.MAX_CHARS + 30, () -> "length " + echoed.length());
    }

    @Test
    void saysNothingForNothing() {
        assertEquals("nothing", EchoedInput.quoted(null));
        assertEquals("\"\"", EchoedInput.quoted(""));
    }
}
