package com.userimages.local.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The gateway's one plain Jackson mapper (its own request lines, token bodies, the docs page's settings); thread-safe once made. */
final class GatewayJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private GatewayJson() {}
}
