package com.userimages.core.storage;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * A request anyone holding it may send until {@code expiresAt}: the URL carries the signature, and
 * {@code headers} are the ones the signature covers, which the sender must send exactly.
 */
public record PresignedRequest(String method, URI url, Map<String, String> headers, Instant expiresAt) {
    public PresignedRequest {
        headers = Map.copyOf(headers);
    }
}
