package com.userimages.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubjectsTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "a", "auth0|5f1b2c3d", "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", "ünïcødé", "名前",
            "\uD83D\uDE00 emoji", "with space", "?", "\u00A0nbsp", "\u2028line separator is not a C0/C1 control"})
    void wellFormedSubsAreUsable(String sub) {
        assertTrue(Subjects.isUsable(sub), sub);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "mallory\uD800", "\uDC00mallory", "a\uDBFF", "\uDE00\uD83D", "line\nbreak", "cr\r",
            "nul\u0000", "tab\t", "\u001F", "del\u007F", "\u0080c1", "c1 end\u009F", "\u001B[31mred"})
    void malformedOrControlSubsAreNot(String sub) {
        assertFalse(Subjects.isUsable(sub), sub.codePoints().mapToObj(Integer::toHexString).toList().toString());
    }

    @Test
    void nullIsNotUsable() {
        assertFalse(Subjects.isUsable(null));
    }

    @Test
    void theLimitCountsCodePointsNotUtf16Units() {
        assertTrue(Subjects.isUsable("a".repeat(256)));
        assertFalse(Subjects.isUsable("a".repeat(257)));
        String emoji = "\uD83D\uDE00";
        assertTrue(Subjects.isUsable(emoji.repeat(256)), "256 code points in 512 UTF-16 units");
        assertFalse(Subjects.isUsable(emoji.repeat(256) + "a"));
        assertFalse(Subjects.isUsable("a".repeat(5_000)));
    }

    @Test
    void usableSubsSurviveUtf8UnchangedSoTwoNeverShareAPartition() {
        // What the SDK does to a key: encode as UTF-8. A usable sub must come back as itself.
        for (String sub : new String[] {"alice", "名前", "\uD83D\uDE00", "mallory?", "\uFFFD"}) {
            assertTrue(Subjects.isUsable(sub));
            assertEquals(sub, new String(sub.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        }
        assertFalse(Subjects.isUsable("mallory\uD800"), "would be stored as mallory?");
    }
}
