package com.userimages.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.userimages.core.error.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {
    @Test
    void acceptsAnyLetterCaseAndStoresLowerCase() {
        assertEquals("0f8fad5b-d9cb-469f-a165-70867728950e", Ids.parse("0F8FAD5B-D9CB-469F-A165-70867728950E", "id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-1-1-1-1", "0f8fad5bd9cb469fa16570867728950e", "{0f8fad5b-d9cb-469f-a165-70867728950e}",
            "0f8fad5b-d9cb-469f-a165-70867728950", "0f8fad5b-d9cb-469f-a165-70867728950g", " 0f8fad5b-d9cb-469f-a165-70867728950e"})
    void refusesAnythingButThe8_4_4_4_12Form(String raw) {
        assertEquals(400, assertThrows(ApiException.class, () -> Ids.parse(raw, "id")).status());
    }
}
