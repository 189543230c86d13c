package com.userimages.contract;

import java.util.List;

/**
 * The one CORS definition (API.md, "Running locally"): what a browser may send and read when CORS
 * is switched on by listing origins. The CDK stack builds its preflight from it and template.yaml
 * spells the same values (SamParityTest); the local server's CORS option (API.md) is meant to read it too.
 */
public final class Cors {
    /** The methods of {@link ApiRoute}; preflight {@code OPTIONS} is answered by the gateway itself. */
    public static final List<String> ALLOWED_METHODS = List.of("GET", "POST", "PUT", "DELETE");

    /** Request headers a browser may send: the token, the JSON body's type and the preconditions. */
    public static final List<String> ALLOWED_HEADERS = List.of("authorization", "content-type", "if-match", "if-none-match");

    /** Response headers a browser's script may read: the version, a new collection's location, the backoff. */
    public static final List<String> EXPOSED_HEADERS = List.of("etag", "location", "retry-after");

    /** How long a browser may cache a preflight answer. */
    public static final int MAX_AGE_SECONDS = 3600;

    /**
     * The images bucket's rule for the same origins (API.md, "Uploads"): a browser PUTs an upload
     * slot's bytes and GETs a presigned image straight from S3, sending only the signed type.
     */
    public static final List<String> UPLOAD_METHODS = List.of("PUT", "GET");
    public static final List<String> UPLOAD_HEADERS = List.of("content-type");

    private Cors() {}
}
