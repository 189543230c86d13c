package com.userimages.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingTest {
    @AfterEach
    void clear() {
        System.clearProperty(Setting.LIST_MAX_QUERY_CALLS.name());
    }

    @Test
    void aSystemPropertyIsReadTrimmed() {
        System.setProperty(Setting.LIST_MAX_QUERY_CALLS.name(), " 7 ");
        assertEquals(7, Setting.LIST_MAX_QUERY_CALLS.intValue());
    }

    @Test
    void blankOrUnsetGivesTheDefault() {
        System.setProperty(Setting.LIST_MAX_QUERY_CALLS.name(), "  ");
        assertEquals(10, Setting.LIST_MAX_QUERY_CALLS.intValue());
        System.clearProperty(Setting.LIST_MAX_QUERY_CALLS.name());
        assertEquals(System.getenv("LIST_MAX_QUERY_CALLS") == null ? "10" : System.getenv("LIST_MAX_QUERY_CALLS").trim(),
                Setting.LIST_MAX_QUERY_CALLS.value());
    }

    @Test
    void aMalformedNumberFailsLoudlyAtInitNotOnARequest() {
        for (String bad : new String[] {"ten", "0", "-3", "1.5"}) {
            System.setProperty(Setting.LIST_MAX_QUERY_CALLS.name(), bad);
            IllegalStateException e = assertThrows(IllegalStateException.class, Setting.LIST_MAX_QUERY_CALLS::intValue);
            assertEquals(true, e.getMessage().contains("LIST_MAX_QUERY_CALLS"));
        }
    }

    @Test
    void theDefaultsAreApiMdsBounds() {
        assertEquals("user_images", Setting.TABLE_NAME.defaultValue());
        assertEquals("100", Setting.MAX_IMAGES_PER_REQUEST.defaultValue());
        assertEquals("1000", Setting.MAX_IMAGES_PER_COLLECTION.defaultValue());
        assertEquals("2500", Setting.LIST_MAX_ITEMS_EVALUATED.defaultValue());
        assertEquals("10", Setting.LIST_MAX_QUERY_CALLS.defaultValue());
    }
}
