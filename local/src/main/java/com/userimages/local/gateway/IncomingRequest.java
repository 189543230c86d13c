package com.userimages.local.gateway;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as the gateway received it, independent of the server library: what the event
 * factory and the authorizer need, nothing more.
 *
 * @param rawPath     the path as sent (percent-encoding kept)
 * @param rawQuery    the query string as sent, without '?'; empty when there is none
 * @param headers     header names lower-cased, each with its values in arrival order
 * @param serverPort  the port the request came in on (for x-forwarded-port)
 */
public record IncomingRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                       byte[] body, String sourceIp, String protocol, int serverPort) {

    /** All values of a header joined with commas, as API Gateway combines duplicates; null when absent. */
    public String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }
}
