package com.userimages.local.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;

/** Events and responses as JSON, with the field names Lambda uses ({@code isBase64Encoded}, {@code requestContext}, ...). */
public final class LambdaJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            // Real events carry fields these classes do not model (authorizer.principalId, authentication, ...).
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private LambdaJson() {}

    public static APIGatewayV2HTTPEvent readEvent(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), APIGatewayV2HTTPEvent.class);
    }

    public static String write(APIGatewayV2HTTPResponse response) {
        try {
            return MAPPER.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
