package com.userimages.contract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonMediaTypeTest {
    @Test
    void noHeaderReadsAsJson() {
        assertTrue(JsonMediaType.accepts(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "APPLICATION/JSON", "Application/Json", "application/json; charset=utf-8",
            "application/json;charset=UTF-8", "application/json; charset=\"utf-8\"", "application/json; Charset=Utf-8",
            "application/json ; charset=utf-8 ", " application/json", "\tapplication/json\t", "application/json;",
            "application/json;;", "application/json; foo=bar", "application/json; q=\"a,b;c\"", "application/json; x=\"\\\"\"",
            "application/vnd.api+json", "application/merge-patch+json; charset=utf-8", "application/problem+JSON",
            "application/json; charset=utf-8; charset=\"UTF-8\""})
    void jsonByAnySpellingIsJson(String contentType) {
        assertTrue(JsonMediaType.accepts(contentType), contentType);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/jsonx", "application/json-seq", "application/+json", "text/json",
            "text/x+json", "json", "application", "application/", "/json", "*/*", "application/*",
            "application/json;charset=latin1", "application/json; charset=iso-8859-1", "application/json; charset=utf8",
            "application/json; charset=\"latin1\"", "application/json; charset=utf-8; charset=latin1",
            "application/json, text/plain", "application/json,application/json", "application/json , application/json",
            "application /json", "application/ json", "application/json; charset", "application/json; charset=",
            "application/json; =utf-8", "application/json; charset=\"utf-8", "application/json; x=\"a\\",
            "application/j\u00e9son", "application/json; x=\u00e9", "application/json; x=\"\u00e9\"", "application/json\u00a0",
            "application/json\tx", "application/json x", "application/json\r\n", "application/json\u0000",
            "application/json; x=\"\u0001\""})
    void anythingElseIsNot(String contentType) {
        assertFalse(JsonMediaType.accepts(contentType), contentType);
    }
}
