package com.userimages.core.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.openapi.OpenApiContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The codes the functions produce are the ones the documents list, each with the same status:
 * API.md's error-code table (in "This project's decisions"), the statuses of the contract's own
 * error table, and openapi.yaml's {@code Error.code} enum and error responses.
 */
class ErrorCodeTest {
    private static final Pattern CODE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");
    private static final Pattern CODE_ROW = Pattern.compile("^\\| `([A-Z][A-Z0-9_]+)` \\| (\\d{3}) \\|.*\\|$");
    private static final Pattern STATUS_ROW = Pattern.compile("^\\| (\\d{3}) \\|(.*)\\|$");
    private static final String API_MD = readResource("/API.md");
    private static final JsonNode OPENAPI = OpenApiContract.load().document();

    private static Map<String, Integer> enumStatuses() {
        return Arrays.stream(ErrorCode.values()).collect(Collectors.toMap(Enum::name, ErrorCode::status, (a, b) -> a, TreeMap::new));
    }

    @Test
    void apiMdsErrorCodeTableListsEveryCodeWithItsStatus() {
        Map<String, Integer> table = new TreeMap<>();
        for (String line : section(API_MD, "### Error codes").lines().toList()) {
            Matcher row = CODE_ROW.matcher(line);
            if (row.matches()) assertEquals(null, table.put(row.group(1), Integer.parseInt(row.group(2))), () -> "listed twice: " + line);
        }
        assertEquals(enumStatuses(), table);
    }

    /**
     * Each code the contract's status table names has that row's status. The contract also names
     * the codes of routes this project does not serve yet (uploads); those are allowed only while
     * openapi.yaml has no such route, so they become required the moment the route is documented.
     */
    @Test
    void theContractsStatusTableAgreesForEveryCodeItNames() {
        Map<String, Integer> codes = enumStatuses();
        Set<String> unserved = new TreeSet<>();
        for (String line : section(API_MD, "## Errors").lines().toList()) {
            Matcher row = STATUS_ROW.matcher(line);
            if (!row.matches()) continue;
            int status = Integer.parseInt(row.group(1));
            Matcher named = CODE.matcher(row.group(2));
            while (named.find()) {
                String code = named.group(1);
                if (codes.containsKey(code)) assertEquals(status, codes.get(code), code + "'s status in API.md's table");
                else unserved.add(code);
            }
        }
        String uploads = section(API_MD, "### Uploads");
        for (String code : unserved) {
            assertTrue(uploads.contains("`" + code + "`"), () -> code + " is in API.md's error table but no function produces it");
        }
        if (!unserved.isEmpty()) {
            OPENAPI.path("paths").propertyNames().forEach(path ->
                    assertFalse(path.endsWith("/uploads"), () -> "openapi.yaml serves " + path + ", so ErrorCode needs " + unserved));
        }
    }

    @Test
    void openApisErrorCodeEnumIsTheSameSet() {
        Set<String> documented = new TreeSet<>();
        for (JsonNode code : OPENAPI.at("/components/schemas/Error/properties/error/properties/code/enum")) {
            assertTrue(documented.add(code.asString()), () -> "listed twice: " + code);
        }
        assertEquals(enumStatuses().keySet(), documented);
    }

    /** Every code is named in the description of the error response openapi.yaml gives for its status. */
    @Test
    void openApisErrorResponsesNameEachCodeUnderItsStatus() {
        Map<String, Integer> responseStatus = new HashMap<>();
        for (JsonNode path : OPENAPI.path("paths")) {
            for (JsonNode operation : path) {
                for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
                    String ref = response.getValue().path("$ref").asString("");
                    if (ref.startsWith("#/components/responses/")) {
                        Integer status = Integer.parseInt(response.getKey());
                        Integer before = responseStatus.put(ref.substring(ref.lastIndexOf('/') + 1), status);
                        assertTrue(before == null || before.equals(status), () -> ref + " serves two statuses");
                    }
                }
            }
        }
        Map<String, Integer> named = new TreeMap<>();
        for (Map.Entry<String, JsonNode> response : OPENAPI.path("components").path("responses").properties()) {
            Matcher code = CODE.matcher(response.getValue().path("description").asString(""));
            while (code.find()) named.put(code.group(1), responseStatus.get(response.getKey()));
        }
        assertEquals(enumStatuses(), named);
    }

    @Test
    void eachCodeIsThrownAsTheKindOfItsStatus() {
        for (ErrorCode code : ErrorCode.values()) {
            if (code == ErrorCode.INTERNAL_ERROR) continue; // a bug, never thrown: ApiResponses.internalError
            ApiException e = thrownAs(code);
            assertEquals(code, e.errorCode());
            assertEquals(code.status(), e.status(), code::name);
            assertEquals(code.name(), e.code());
        }
    }

    @Test
    void aCodeBuiltAsAnotherStatusesKindIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ApiException.BadRequest(ErrorCode.IMAGE_SET_MISMATCH, "m"));
        assertThrows(IllegalArgumentException.class, () -> new ApiException.NotFound(ErrorCode.INVALID_ID));
        assertThrows(IllegalArgumentException.class, () -> new ApiException.PayloadTooLarge(ErrorCode.CONCURRENT_MODIFICATION, "m"));
    }

    private static ApiException thrownAs(ErrorCode code) {
        return switch (code.status()) {
            case 400 -> new ApiException.BadRequest(code, "m");
            case 401 -> new ApiException.Unauthorized("m");
            case 403 -> new ApiException.Forbidden("m");
            case 404 -> new ApiException.NotFound(code);
            case 409 -> new ApiException.Conflict(code, "m");
            case 412 -> new ApiException.PreconditionFailed("m");
            case 413 -> new ApiException.PayloadTooLarge(code, "m");
            case 415 -> new ApiException.UnsupportedMediaType("m");
            case 422 -> new ApiException.Unprocessable(code, "m");
            case 429 -> new ApiException.Throttled("m");
            case 503 -> new ApiException.Unavailable("m");
            default -> throw new AssertionError(code + " has a status no kind of ApiException has");
        };
    }

    /** From a heading (the whole line, or its first words) to the next heading of the same or a higher level. */
    private static String section(String markdown, String heading) {
        List<String> lines = markdown.lines().toList();
        int start = 0;
        while (start < lines.size() && !(lines.get(start).equals(heading) || lines.get(start).startsWith(heading + " "))) start++;
        assertTrue(start < lines.size(), () -> "API.md has no " + heading);
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        StringBuilder out = new StringBuilder();
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") && line.indexOf(' ') > 0 && line.indexOf(' ') <= level.length()
                    && line.substring(0, line.indexOf(' ')).chars().allMatch(c -> c == '#')) break;
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static String readResource(String name) {
        try (InputStream in = ErrorCodeTest.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException(name + " is not on the test classpath (the contract module's test-jar copies it there)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
