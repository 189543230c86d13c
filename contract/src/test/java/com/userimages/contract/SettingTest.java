package com.userimages.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingTest {
    private static Settings of(Setting setting, String value) {
        return Settings.from(Map.of(setting.name(), value)::get);
    }

    @Test
    void aValueIsReadTrimmed() {
        Settings settings = of(Setting.LIST_MAX_QUERY_CALLS, " 7 ");
        assertEquals(7, settings.intValue(Setting.LIST_MAX_QUERY_CALLS));
        assertEquals(Optional.of("7"), settings.configured(Setting.LIST_MAX_QUERY_CALLS));
        assertEquals("t", Settings.defaults().with(Setting.TABLE_NAME, "\tt\n").value(Setting.TABLE_NAME));
    }

    @Test
    void blankOrUnsetGivesTheDefault() {
        for (String blank : new String[] {"", "  ", "\t\n"}) {
            Settings settings = of(Setting.LIST_MAX_QUERY_CALLS, blank);
            assertEquals(10, settings.intValue(Setting.LIST_MAX_QUERY_CALLS));
            assertEquals(Optional.empty(), settings.configured(Setting.LIST_MAX_QUERY_CALLS));
        }
        assertEquals("user_images", Settings.from(name -> null).value(Setting.TABLE_NAME));
        Settings changedBack = of(Setting.LIST_MAX_QUERY_CALLS, "3").with(Setting.LIST_MAX_QUERY_CALLS, " ");
        assertEquals(10, changedBack.intValue(Setting.LIST_MAX_QUERY_CALLS));
    }

    @Test
    void aMalformedNumberFailsLoudlyWithTheSettingsName() {
        for (String bad : new String[] {"ten", "0", "-3", "1.5", "99999999999", "7 7"}) {
            Settings settings = of(Setting.LIST_MAX_QUERY_CALLS, bad);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> settings.intValue(Setting.LIST_MAX_QUERY_CALLS), bad);
            assertTrue(e.getMessage().contains("LIST_MAX_QUERY_CALLS"), e.getMessage());
            assertTrue(settings.problem(List.of(Setting.TABLE_NAME, Setting.LIST_MAX_QUERY_CALLS)).isPresent(), bad);
        }
    }

    @Test
    void aSecretShorterThan16BytesIsRefusedWithoutRepeatingIt() {
        Settings settings = of(Setting.PAGE_TOKEN_SECRET, "abcde");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> settings.validated(List.of(Setting.PAGE_TOKEN_SECRET)));
        assertTrue(e.getMessage().contains("PAGE_TOKEN_SECRET"), e.getMessage());
        assertFalse(e.getMessage().contains("abcde"), "a secret's value never appears in a message");
        assertFalse(e.getMessage().contains("\n"), "one line");
        // Sixteen bytes is enough, counted as UTF-8 (eight two-byte characters).
        assertTrue(of(Setting.PAGE_TOKEN_SECRET, "0123456789abcdef").problem(List.of(Setting.PAGE_TOKEN_SECRET)).isEmpty());
        assertTrue(of(Setting.PAGE_TOKEN_SECRET, "éééééééé").problem(List.of(Setting.PAGE_TOKEN_SECRET)).isEmpty());
        assertTrue(of(Setting.PAGE_TOKEN_PREVIOUS_SECRET, "short").problem(List.of(Setting.PAGE_TOKEN_PREVIOUS_SECRET)).isPresent());
    }

    @Test
    void validatedReturnsTheSameSettingsWhenAllAreUsable() {
        Settings settings = of(Setting.DYNAMODB_ENDPOINT, "http://127.0.0.1:8000");
        assertSame(settings, settings.validated(List.of(Setting.values())));
        assertTrue(of(Setting.DYNAMODB_ENDPOINT, "ftp://x").problem(List.of(Setting.DYNAMODB_ENDPOINT)).isPresent());
    }

    @Test
    void theDefaultsAreApiMdsBounds() {
        assertEquals("user_images", Setting.TABLE_NAME.defaultValue());
        assertEquals("100", Setting.MAX_IMAGES_PER_REQUEST.defaultValue());
        assertEquals("1000", Setting.MAX_IMAGES_PER_COLLECTION.defaultValue());
        assertEquals("2500", Setting.LIST_MAX_ITEMS_EVALUATED.defaultValue());
        assertEquals("10", Setting.LIST_MAX_QUERY_CALLS.defaultValue());
        assertTrue(Settings.defaults().problem(List.of(Setting.values())).isEmpty(), "every default is usable");
    }
}
