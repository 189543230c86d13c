package com.userimages.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SubjectsTest {
    @Test
    void ordinarySubjectsAreUsable() {
        for (String sub : new String[] {"alice", "a", "mallory?", "8f14e45f-ceea-467f-a5b3-5d1b5a2c0e61",
                "auth0|5f7c8ec7c33c6c004bbafe82", "user@example.com", "José", "用户", "😀 emoji", " spaced ",
                "\u00a0nbsp", "\u2028line-separator", "\ufeffbom", "\uffff"}) {
            assertTrue(Subjects.isUsable(sub), sub);
        }
    }

    @Test
    void unpairedSurrogatesAreNot() {
        for (String sub : new String[] {"mallory\ud800", "\udc00mallory", "a\ud800b", "\ud83d", "\ude00\ud83d",
                "\ud800\ud800", "x\udbff"}) {
            assertFalse(Subjects.isUsable(sub), () -> escaped(sub));
        }
        // A proper pair is one code point and fine.
        assertTrue(Subjects.isUsable("mallory\ud83d\ude00"));
    }

    @Test
    void controlCharactersAreNot() {
        for (int c = 0; c <= 0x1F; c++) assertFalse(Subjects.isUsable("a" + (char) c + "b"), "U+" + Integer.toHexString(c));
        for (int c = 0x7F; c <= 0x9F; c++) assertFalse(Subjects.isUsable("a" + (char) c), "U+" + Integer.toHexString(c));
        assertTrue(Subjects.isUsable("a\u00a0"));
    }

    @Test
    void lengthIsOneTo256CodePoints() {
        assertFalse(Subjects.isUsable(null));
        assertFalse(Subjects.isUsable(""));
        assertTrue(Subjects.isUsable("a".repeat(256)));
        assertFalse(Subjects.isUsable("a".repeat(257)));
        // 256 emoji are 512 chars but 256 code points: usable; one more is not.
        assertTrue(Subjects.isUsable("😀".repeat(256)));
        assertFalse(Subjects.isUsable("😀".repeat(257)));
        assertFalse(Subjects.isUsable("a".repeat(100_000)));
    }

    @Test
    void everyUsableSubjectSurvivesUtf8Exactly() {
        for (String sub : new String[] {"alice", "José", "😀", "\uffff", "\u2028"}) {
            assertTrue(Subjects.isUsable(sub));
            assertTrue(sub.equals(new String(sub.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
        }
        // The defect: without the rule these two collide once encoded.
        String surrogate = "mallory\ud800";
        assertTrue(new String(surrogate.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals("mallory?"));
        assertFalse(Subjects.isUsable(surrogate));
    }

    private static String escaped(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(c < 0x7f && c >= 0x20 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        return b.toString();
    }
}
