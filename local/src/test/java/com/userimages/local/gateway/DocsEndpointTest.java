package com.userimages.local.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The object store's origin as the docs page's CSP names it: only a plain scheme://host[:port] ever reaches the header. */
class DocsEndpointTest {

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:4568, http://127.0.0.1:4568",
            "http://127.0.0.1:4568/, http://127.0.0.1:4568",
            "https://S3.EU-West-1.Amazonaws.com, https://s3.eu-west-1.amazonaws.com",
            "http://localhost:9000/bucket/key?x=1, http://localhost:9000"})
    void anEndpointsOriginIsItsSchemeHostAndPort(String endpoint, String origin) {
        assertEquals(Optional.of(origin), DocsEndpoint.origin(URI.create(endpoint)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1:21", "file:///tmp/s3", "http://[::1]:4568", "mailto:a@b", "/relative"})
    void anythingElseNamesNoOrigin(String endpoint) {
        assertEquals(Optional.empty(), DocsEndpoint.origin(URI.create(endpoint)));
    }
}
