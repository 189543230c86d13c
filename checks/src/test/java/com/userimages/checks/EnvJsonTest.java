package com.userimages.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.Setting;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * env.json, the variables {@code sam local invoke --env-vars} gives the functions in SAM's
 * container: only settings the functions read, a section per function SAM knows, and every engine
 * the functions reach addressed at the host (never at a loopback address, which inside the
 * container is the container itself).
 */
class EnvJsonTest {
    private static final Set<String> SETTINGS = Arrays.stream(Setting.values()).map(Setting::name).collect(Collectors.toSet());
    private static final List<String> REACHED_ENGINES = List.of(Setting.DYNAMODB_ENDPOINT.name(), Setting.S3_ENDPOINT.name());

    private final JsonNode env = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(Repository.root().resolve("env.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everySectionIsTheGlobalOneOrASamFunctionsAndSetsOnlySettings() {
        Set<String> samFunctions = Arrays.stream(ApiFunction.values()).map(EnvJsonTest::samLogicalId).collect(Collectors.toSet());
        for (var section : env.properties()) {
            assertTrue(section.getKey().equals("Parameters") || samFunctions.contains(section.getKey()),
                    section.getKey() + " is no function of template.yaml");
            for (var variable : section.getValue().properties()) {
                assertTrue(SETTINGS.contains(variable.getKey()), section.getKey() + "." + variable.getKey() + " is no setting the functions read");
                assertTrue(variable.getValue().isTextual(), section.getKey() + "." + variable.getKey() + " must be a string");
            }
        }
    }

    @Test
    void theGlobalSectionReachesBothEnginesAtTheHostAndNamesTheLocalBucket() {
        // A function's section only adds to it (SAM: the resource's variables take precedence over the global ones).
        JsonNode global = env.path("Parameters");
        for (String endpoint : REACHED_ENGINES) {
            String value = global.path(endpoint).asText("");
            assertTrue(value.startsWith("http://host.docker.internal:"), endpoint + " = " + value);
        }
        // sam local resolves !Ref ImagesBucket to the bare logical id: the bucket must be named here.
        assertEquals("user-images-local", global.path(Setting.IMAGES_BUCKET.name()).asText(), "no bucket the engine has");
        for (var section : env.properties()) {
            for (String endpoint : REACHED_ENGINES) {
                String value = section.getValue().path(endpoint).asText("http://host.docker.internal:");
                assertTrue(value.startsWith("http://host.docker.internal:"), section.getKey() + "." + endpoint + " = " + value);
            }
        }
    }

    /** {@code get-item} → {@code GetItemFunction}, the template's logical id. */
    private static String samLogicalId(ApiFunction function) {
        return Arrays.stream(function.functionName().split("-"))
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining()) + "Function";
    }
}
