package com.userimages.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LogLevelSettingTest {
    @Test
    void infoByDefaultAndWarnOnRequest() {
        assertEquals("INFO", Settings.defaults().value(Setting.LOG_LEVEL));
        assertEquals("WARN", Settings.defaults().with(Setting.LOG_LEVEL, " WARN ").value(Setting.LOG_LEVEL));
        assertTrue(Setting.LOG_LEVEL.problem("warn").isEmpty());
        assertTrue(Setting.LOG_LEVEL.problem("info").isEmpty());
    }

    @Test
    void anythingElseIsAOneLineProblemAtStart() {
        for (String bad : new String[] {"DEBUG", "ERROR", "verbose", "1"}) {
            var settings = Settings.defaults().with(Setting.LOG_LEVEL, bad);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> settings.validated(List.of(Setting.LOG_LEVEL)));
            assertTrue(e.getMessage().startsWith("setting LOG_LEVEL must be INFO or WARN"), e.getMessage());
        }
    }
}
