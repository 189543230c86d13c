package com.userimages.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The defaults are API.md's ("Running locally"); StuckClientsIT proves the behaviour with short ones. */
class GatewayLimitsTest {
    @Test
    void theDefaultsAreApiMdsThirtySecondsAndACap() {
        assertEquals(Duration.ofSeconds(30), GatewayLimits.DEFAULTS.headerTimeout());
        assertEquals(Duration.ofSeconds(30), GatewayLimits.DEFAULTS.bodyTimeout());
        assertEquals(Duration.ofSeconds(30), GatewayLimits.DEFAULTS.idleTimeout());
        assertEquals(512, GatewayLimits.DEFAULTS.maxConnections());
        assertEquals(10 * 1024 * 1024, GatewayLimits.MAX_BODY_BYTES);
    }

    @Test
    void aLimitThatWouldDisableTheProtectionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new GatewayLimits(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1), 1));
        assertThrows(IllegalArgumentException.class, () -> new GatewayLimits(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 0));
    }
}
