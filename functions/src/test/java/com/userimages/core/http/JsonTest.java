package com.userimages.core.http;

import com.userimages.core.json.StrictJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JacksonException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"images\":[],\"images\":[]}|images",
            "{\"a\":1,\"b\":{\"c\":1,\"c\":2}}|c",
            "{\"images\":[{\"url\":\"u\",\"imageId\":\"x\",\"url\":\"v\"}]}|url",
            // The same key after an escape: JSON compares decoded names, and so does the check.
            "{\"images\":[],\"\\u0069mages\":[]}|images",
            // Found before the syntax error that follows it.
            "{\"a\":1,\"a\":2,}|a"})
    void namesTheFirstKeyAnObjectHoldsTwice(String body, String key) {
        assertThrows(JacksonException.class, () -> Json.MAPPER.readTree(body), "the mapper itself stays strict");
        assertEquals(Optional.of(key), StrictJson.firstDuplicateKey(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":{\"x\":1},\"b\":{\"x\":1}}", // the same key in sibling objects is fine
            "[{\"x\":1},{\"x\":2}]",
            "{\"a\":1}",
            "{images:[],images:[]}", // a syntax error comes first
            "{\"a\":1,,\"a\":2}",
            "{\"a\":1} {\"a\":1}",
            "",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["})
    void findsNoDuplicateWhereThereIsNone(String body) {
        assertEquals(Optional.empty(), StrictJson.firstDuplicateKey(body));
    }

    @ParameterizedTest
    @ValueSource(ints = {10_000, 100_000})
    void deepNestingEndsInNoAnswerRatherThanAnError(int depth) {
        assertEquals(Optional.empty(), StrictJson.firstDuplicateKey("{\"a\":".repeat(depth)));
    }
}
