package com.userimages.core.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Writes JSON with Jackson's streaming generator (jackson-core): the same bytes an
 * {@code ObjectMapper} writes for the equivalent tree (no indentation, non-ASCII as is, control
 * characters, quotes and backslashes escaped), without loading jackson-databind. Usage:
 * {@link #write} one value; it opens a generator over a fresh {@link StringWriter}, closes it and
 * takes the text.
 */
public final class JsonOutput {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonOutput() {}

    /** Writes one JSON value, as the generator's methods do (which may declare an {@link IOException}). */
    @FunctionalInterface
    public interface ValueWriter {
        void write(JsonGenerator g) throws IOException;
    }

    /** The text of the one value {@code value} writes. */
    public static String write(ValueWriter value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = generator(out)) {
            value.write(g);
        } catch (IOException e) {
            throw writeFailed(e);
        }
        return out.toString();
    }

    private static JsonGenerator generator(StringWriter out) {
        try {
            return FACTORY.createGenerator(out);
        } catch (IOException e) {
            throw writeFailed(e);
        }
    }

    /** A generator over a {@link StringWriter} has nothing that can fail; a failure is a bug. */
    private static UncheckedIOException writeFailed(IOException e) {
        return new UncheckedIOException("JSON writing into memory failed", e);
    }
}
