package com.userimages.local.gateway;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllowedHostsTest {
    private static final AllowedHosts HOSTS = AllowedHosts.loopbackAnd(" Dev.Example.test ,,10.0.0.7,[FE80::1]");

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:3000", "localhost", "LOCALHOST:3000", "LocalHost:1", "[::1]", "[::1]:3000",
            "dev.example.test", "DEV.EXAMPLE.TEST:443", "10.0.0.7:3000", "[fe80::1]", "[FE80::1]:8080", "localhost:65535", "localhost:00080"})
    void theLoopbackAndTheGivenNamesAreAllowedWithOrWithoutAPort(String host) {
        assertTrue(HOSTS.allows(host), host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "evil.com", "localhost.", "LOCALHOST.", "localhost.:3000", "127.0.0.1.evil.com", "evil.com.localhost",
            "localhost.evil.com", "127.0.0.1:", "127.0.0.1:65536", "127.0.0.1:99999", "127.0.0.1:123456", "127.0.0.1:-1", "127.0.0.1:+1",
            "127.0.0.1: 3000", " 127.0.0.1", "127.0.0.1 ", "127.0.0.1:3000:3000", "127.0.0.1\r\nx: y", "127.0.0.1\n", "127.0.0.1\r",
            "127.0.0.1\u0000", "\u0000127.0.0.1", "127.0.0.1\t", "user@127.0.0.1", "127.0.0.1@evil.com", "evil.com#@127.0.0.1",
            "127.0.0.1/x", "127.0.0.1?", "[::1", "::1", "[::1]x", "[::1]:", "[::1]]", "[[::1]]", "[::1]:3000:1", "[::ffff:127.0.0.1]",
            "127.1", "0x7f.0.0.1", "2130706433", "0177.0.0.1", "127.0.0.2", "localhos", "localhostt", "local%68ost", "l\u00f6calhost",
            "\u212aocalhost", "localhost\u00a0", "localhost\u00ff", "lOcAlHoSt\u0130", "\u0131ocalhost", "dev.example.test.", "x.dev.example.test",
            "example.test", "10.0.0.70", "[fe80::1%eth0]", "*", "\u001b[2Jlocalhost"})
    void everyOtherHostIsRefused(String host) {
        assertFalse(HOSTS.allows(host), host);
    }

    @Test
    void noHostIsRefused() {
        assertFalse(HOSTS.allows(null));
        assertFalse(AllowedHosts.LOOPBACK_ONLY.allows(null));
        assertFalse(AllowedHosts.LOOPBACK_ONLY.allows("dev.example.test"));
        assertTrue(AllowedHosts.LOOPBACK_ONLY.allows("localhost:3000"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost.", "dev.example.test:8080", "http://dev.example.test", "dev.example.test/", "*", "*.example.test",
            "user@dev.example.test", "d\u00e9v.example.test", "dev example.test", "-dev.example.test", "dev-.example.test", "dev..example.test",
            "dev.example.test\r\nX-Evil: 1", "dev\u0000.example.test", "\u001b[2J", "[::1", "[fe80::1%eth0]"})
    void aGivenNameThatIsNotAHostNameIsRefusedInOneEscapedLine(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AllowedHosts.loopbackAnd(name));
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r") || e.getMessage().contains("\u0000")
                || e.getMessage().contains("\u001b"), e.getMessage());
        assertTrue(e.getMessage().chars().allMatch(c -> c >= 0x20 && c < 0x7f), e.getMessage());
        assertTrue(e.getMessage().contains("is not a host name"), e.getMessage());
    }

    @Test
    void aNameOverTheDnsLimitIsRefused() {
        String tooLong = ("a".repeat(60) + ".").repeat(4) + "ab"; // with ".example": 254 characters, one over DNS's 253
        assertThrows(IllegalArgumentException.class, () -> AllowedHosts.loopbackAnd(tooLong + ".example"));
    }

    @Test
    void anEmptyListIsRefused() {
        assertEquals("no host name given (comma-separated names, without port)",
                assertThrows(IllegalArgumentException.class, () -> AllowedHosts.loopbackAnd(" , ")).getMessage());
    }
}
