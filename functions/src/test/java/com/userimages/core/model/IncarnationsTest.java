package com.userimages.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IncarnationsTest {
    @Test
    void anIncarnationIsEightBase32CharactersAndTheyDiffer() {
        Incarnations incarnations = new Incarnations(new SecureRandom());
        Set<String> seen = new HashSet<>();
        Set<Character> characters = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String incarnation = incarnations.next();
            assertTrue(incarnation.matches("[0-9a-hjkmnp-tv-z]{8}"), incarnation);
            assertTrue(Incarnations.isWellFormed(incarnation));
            seen.add(incarnation);
            for (char c : incarnation.toCharArray()) characters.add(c);
        }
        // 40 random bits: 2,000 draws repeat one with a probability of about 2 in a million.
        assertEquals(2000, seen.size());
        assertEquals(32, characters.size(), "every character of the alphabet is drawn");
    }

    @Test
    void onlyIssuedFormsAreWellFormed() {
        assertTrue(Incarnations.isWellFormed(Incarnations.LEGACY));
        for (String never : List.of("", "00", "1", "ab12cd3", "ab12cd345", "AB12CD34", "ab12cd3i", "ab12cd3l", "ab12cd3o", "ab12cd3u",
                "ab12cd3-", "ab12 d34")) {
            assertFalse(Incarnations.isWellFormed(never), never);
        }
    }
}
