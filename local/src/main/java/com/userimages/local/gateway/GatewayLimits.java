package com.userimages.local.gateway;

import java.time.Duration;

/**
 * The limits that keep stuck or hostile clients from starving the others (API.md, "Running
 * locally"). Constructor values rather than constants, so tests can use short ones.
 *
 * @param headerTimeout  the time every request has to complete its headers, from its first byte;
 *                       past it the connection is closed without a response
 * @param bodyTimeout    the time a request body has to arrive whole, from the end of its headers,
 *                       however it trickles; past it the answer is 408
 * @param idleTimeout    how long a connection may sit idle (between requests, or between bytes of
 *                       the headers) before it is closed
 * @param maxConnections open connections at most; further ones wait in the accept backlog
 */
public record GatewayLimits(Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout, int maxConnections) {
    /** API Gateway's HTTP API payload limit; the functions enforce their own, smaller one (256 KB, 413 from them). */
    public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    /** API Gateway's HTTP API limit on the request line and headers together. */
    public static final int MAX_HEADER_BYTES = 10 * 1024;

    public static final GatewayLimits DEFAULTS =
            new GatewayLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30), 512);

    public GatewayLimits {
        if (headerTimeout.isNegative() || headerTimeout.isZero() || bodyTimeout.isNegative() || bodyTimeout.isZero()
                || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (maxConnections < 1) throw new IllegalArgumentException("maxConnections must be at least 1");
    }
}
