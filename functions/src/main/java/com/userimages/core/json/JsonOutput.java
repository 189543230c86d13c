package com.userimages.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes JSON with Jackson's streaming generator (jackson-core): the same bytes an
 * {@code ObjectMapper} writes for the equivalent tree (no indentation, non-ASCII as is, control
 * characters, quotes and backslashes escaped), without loading jackson-databind. Usage: open a
 * generator over a fresh {@link StringWriter}, write one value, close it, take the text.
 */
public final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonOutput() {}

    public static JsonGenerator generator(StringWriter out) {
        try {
            return FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw writeFailed(e);
        }
    }

    /** A generator over a {@link StringWriter} has nothing that can fail; a failure is a bug. */
    public static UncheckedIOException writeFailed(IOException e) {
        return new UncheckedIOException("JSON writing into memory failed", e);
    }
}
