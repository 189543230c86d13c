package com.userimages.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.openapi.OpenApiContract;
import com.userimages.core.error.ApiException;
import com.userimages.core.model.Timestamps;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * openapi.yaml's patterns for timestamps and for {@code If-Match} / {@code If-None-Match} accept
 * exactly what the server's parsers accept, so a client or a tester that trusts the document sends
 * nothing the server refuses and is refused nothing the server takes. One documented exception: a
 * timestamp whose UTC instant leaves the years 0001–9999 (only a local year 0000, 0001 or 9999 can,
 * through its offset) matches the pattern and is refused.
 */
class OpenApiGrammarsTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    /** Every place the document spells the timestamp grammar out (the query bounds refer to InstantInput). */
    private static final List<String> TIMESTAMP_SCHEMAS = List.of(
            "/components/schemas/InstantInput",
            "/components/schemas/CreateCollectionRequest/properties/timestamp",
            "/paths/~1collections/get/parameters/3/schema",
            "/paths/~1collections/get/parameters/4/schema");
    private static final List<String> PRECONDITION_SCHEMAS = List.of(
            "/components/parameters/IfMatch/schema",
            "/components/parameters/IfNoneMatch/schema");

    private static boolean documentAccepts(String schemaPointer, String value) {
        return CONTRACT.valueProblems(schemaPointer, JsonNodeFactory.instance.stringNode(value)).isEmpty();
    }

    private static boolean serverAcceptsTimestamp(String value) {
        return serverAccepts(() -> Timestamps.normalize(value, "timestamp"));
    }

    private static boolean serverAcceptsPrecondition(String value) {
        return serverAccepts(() -> EntityTags.parse(value, "If-Match"));
    }

    /** Whether the server's parser takes the value: it refuses with an {@link ApiException}. */
    private static boolean serverAccepts(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (ApiException e) {
            return false;
        }
    }

    private static void assertTimestampAgrees(String value) {
        boolean server = serverAcceptsTimestamp(value);
        for (String pointer : TIMESTAMP_SCHEMAS) {
            boolean document = documentAccepts(pointer, value);
            if (document && !server && onlyOutOfRange(value)) continue;
            assertEquals(server, document, () -> pointer + " on '" + value + "': the server " + (server ? "accepts" : "refuses") + " it");
        }
    }

    /**
     * Refused only for its UTC year: an offset moves a local time in 0000, 0001 or 9999 across the
     * range's edge, and the same value in the year 2000 (a leap year, like 0000) is accepted.
     */
    private static boolean onlyOutOfRange(String value) {
        return (value.startsWith("0000-") || value.startsWith("0001-") || value.startsWith("9999-"))
                && serverAcceptsTimestamp("2000" + value.substring(4));
    }

    private static void assertPreconditionAgrees(String value) {
        boolean server = serverAcceptsPrecondition(value);
        for (String pointer : PRECONDITION_SCHEMAS) {
            assertEquals(server, documentAccepts(pointer, value),
                    () -> pointer + " on '" + value.replace("\t", "\\t") + "': the server " + (server ? "accepts" : "refuses") + " it");
        }
    }

    @Test
    void theQueryBoundsAreTheInstantInputSchema() {
        // The pointers above into GET /collections' parameters are from and to.
        assertEquals("from", CONTRACT.document().at("/paths/~1collections/get/parameters/3/name").asString());
        assertEquals("to", CONTRACT.document().at("/paths/~1collections/get/parameters/4/name").asString());
        assertEquals(CONTRACT.document().at("/components/schemas/InstantInput/pattern"),
                CONTRACT.document().at("/components/schemas/CreateCollectionRequest/properties/timestamp/pattern"));
    }

    @Test
    void timestampsAtTheEdgesOfTheCalendarAndTheGrammar() {
        List<String> values = new ArrayList<>(List.of(
                "2026-01-31T12:00:00Z", "2026-01-31t12:00:00z", "2026-01-31 12:00:00Z", "2026-01-31T12:00Z",
                "2026-01-31T12:00:00", "2026-01-31T12:00:00.Z", "2026-01-31T12:00:00.123456789Z", "2026-01-31T12:00:00.1234567890Z",
                "2026-00-10T00:00:00Z", "2026-13-10T00:00:00Z", "2026-04-31T00:00:00Z", "2026-04-30T00:00:00Z", "2026-12-32T00:00:00Z",
                "2026-06-00T00:00:00Z", "2026-02-28T00:00:00Z", "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2000-02-29T00:00:00Z",
                "1900-02-29T00:00:00Z", "2100-02-29T00:00:00Z", "2400-02-29T00:00:00Z", "0004-02-29T00:00:00Z", "2026-02-30T00:00:00Z",
                "2026-01-01T24:00:00Z", "2026-01-01T23:60:00Z", "2026-01-01T23:59:60Z", "2026-01-01T23:59:59Z",
                "2026-01-01T00:00:00+18:00", "2026-01-01T00:00:00-18:00", "2026-01-01T00:00:00+18:01", "2026-01-01T00:00:00+17:59",
                "2026-01-01T00:00:00+19:00", "2026-01-01T00:00:00-00:00", "2026-01-01T00:00:00+05:60", "2026-01-01T00:00:00+0500",
                "2026-01-01T00:00:00+05", "2026-01-01T00:00:00+05:00:00", "2026-01-01T00:00:00 Z", "+2026-01-01T00:00:00Z",
                "20260-01-01T00:00:00Z", "226-01-01T00:00:00Z", "２０２６-01-01T00:00:00Z", "2026-01-01T00:00:00Z\n", "",
                "0001-01-01T00:00:00Z", "0000-12-31T23:59:59Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.5Z",
                "0001-01-01T00:00:00+00:01", "0000-02-29T00:00:00Z", "0000-02-30T00:00:00Z"));
        values.forEach(OpenApiGrammarsTest::assertTimestampAgrees);
    }

    @Test
    void theOneRuleThePatternCannotHoldIsTheUtcRange() {
        // As InstantInput's description says: the pattern matches both, the server takes only the first.
        String inRange = "0000-12-31T23:00:00-02:00";
        String outOfRange = "9999-12-31T23:30:00-01:00";
        assertTrue(serverAcceptsTimestamp(inRange));
        assertTrue(documentAccepts(TIMESTAMP_SCHEMAS.getFirst(), inRange));
        assertFalse(serverAcceptsTimestamp(outOfRange));
        assertTrue(documentAccepts(TIMESTAMP_SCHEMAS.getFirst(), outOfRange));
        assertFalse(documentAccepts(TIMESTAMP_SCHEMAS.getFirst(), "2026-02-29T00:00:00Z"), "the calendar is in the pattern");
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.MIXIN)
    void anyNearlyWellFormedTimestampIsJudgedAlike(@ForAll("timestamps") String value) {
        assertTimestampAgrees(value);
    }

    /** Fields in and just outside their ranges, either letter case, and now and then one character changed. */
    @Provide
    Arbitrary<String> timestamps() {
        Arbitrary<String> year = Arbitraries.oneOf(Arbitraries.of("0000", "0001", "1900", "2000", "2024", "2026", "2100", "9999"),
                Arbitraries.integers().between(0, 9999).map(y -> String.format("%04d", y)));
        Arbitrary<String> date = Combinators.combine(year, twoDigits(0, 14), twoDigits(0, 33))
                .as((y, m, d) -> y + "-" + m + "-" + d);
        Arbitrary<String> time = Combinators.combine(Arbitraries.of("T", "t"), twoDigits(0, 25), twoDigits(0, 61), twoDigits(0, 61),
                        Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(10).map(f -> f.isEmpty() ? "" : "." + f))
                .as((t, h, m, s, f) -> t + h + ":" + m + ":" + s + f);
        Arbitrary<String> offset = Arbitraries.oneOf(Arbitraries.of("Z", "z", ""),
                Combinators.combine(Arbitraries.of("+", "-"), twoDigits(0, 20), twoDigits(0, 61)).as((s, h, m) -> s + h + ":" + m));
        Arbitrary<String> wellFormedish = Combinators.combine(date, time, offset).as((d, t, o) -> d + t + o);
        return Arbitraries.oneOf(wellFormedish, wellFormedish.flatMap(OpenApiGrammarsTest::mutated));
    }

    private static Arbitrary<String> twoDigits(int from, int to) {
        return Arbitraries.integers().between(from, to).map(n -> String.format("%02d", n));
    }

    /** The value with one character replaced, removed or inserted. */
    private static Arbitrary<String> mutated(String value) {
        if (value.isEmpty()) return Arbitraries.just(value);
        return Combinators.combine(Arbitraries.integers().between(0, value.length() - 1), Arbitraries.of(0, 1, 2),
                        Arbitraries.of('0', '9', ':', '-', '+', '.', 'T', 'Z', ' ', '\t', 'W', '"', '*', ','))
                .as((at, how, c) -> switch (how) {
                    case 0 -> value.substring(0, at) + c + value.substring(at + 1);
                    case 1 -> value.substring(0, at) + value.substring(at + 1);
                    default -> value.substring(0, at) + c + value.substring(at);
                });
    }

    @Test
    void preconditionsAtTheEdgesOfTheGrammar() {
        List<String> values = new ArrayList<>(List.of(
                "*", " * ", "\t*", "**", "*,", "*, \"1\"", "\"1\", *", "", " ", ",", "\"\"", "W/\"\"", "w/\"1\"", "W/ \"1\"", "W/",
                "\"1", "1\"", "1", "3", "\"3.ab12cd34\"", "W/\"3.ab12cd34\"", " W/\"1\" ,, \"a-b\",\"\" ", ",\"1\",", "\"1\"\"2\"",
                "\"1\" \"2\"", "\"1\",W/\"2\"", "\"1\"\t,\t\"2\"", "\"a b\"", "\"a\tb\"", "\"!#~\"", "\"é\"", "\"\u007f\"", "\"\\\"",
                "\"1\",\r\"2\"", "\"1\"\n", "\"" + "x".repeat(4094) + "\"", "\"" + "x".repeat(4095) + "\""));
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 65; i++) tags.add("\"" + i + "\"");
        values.add(String.join(",", tags.subList(0, 64)));
        values.add(String.join(",", tags));
        values.add(String.join(" , ,", tags.subList(0, 64)) + " ,");
        values.forEach(OpenApiGrammarsTest::assertPreconditionAgrees);
        assertTrue(serverAcceptsPrecondition(String.join(",", tags.subList(0, 64))), "64 tags are the bound");
        assertFalse(serverAcceptsPrecondition(String.join(",", tags)));
    }

    @Property(tries = 2000, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.MIXIN)
    void anyPreconditionMadeOfTheGrammarsPiecesIsJudgedAlike(@ForAll("preconditions") String value) {
        assertPreconditionAgrees(value);
    }

    /** Strings of the grammar's own pieces (and a few it has no place for), in any order. */
    @Provide
    Arbitrary<String> preconditions() {
        Arbitrary<String> piece = Arbitraries.of("\"3.ab12cd34\"", "W/\"1.0\"", "\"\"", "\"", "W/", "w/", ",", ", ", " ", "\t", "*",
                "3", "a", "!", "#", "~", "\u007f", "é", "\r", "W");
        return piece.list().ofMinSize(0).ofMaxSize(10).map(pieces -> String.join("", pieces));
    }
}
