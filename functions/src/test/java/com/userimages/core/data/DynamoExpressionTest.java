package com.userimages.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoExpressionTest {
    private static final DynamoExpression EXISTS = DynamoExpression.builder()
            .expression("attribute_exists(#pk)").putExpressionName("#pk", "userId").build();

    private static DynamoExpression count(String placeholder, long value) {
        return DynamoExpression.builder()
                .expression("#count <= " + placeholder)
                .putExpressionName("#count", "imageCount")
                .putExpressionValue(placeholder, AttributeValue.fromN(Long.toString(value)))
                .build();
    }

    @Nested
    class Building {
        @Test
        void holdsItsTextNamesAndValues() {
            DynamoExpression e = count(":max", 7);
            assertEquals("#count <= :max", e.expression());
            assertEquals(Map.of("#count", "imageCount"), e.expressionNames());
            assertEquals(Map.of(":max", AttributeValue.fromN("7")), e.expressionValues());
            assertFalse(e.isEmpty());
        }

        @Test
        void aPlaceholderTheTextUsesButDoesNotDeclareIsRefused() {
            var builder = DynamoExpression.builder().expression("#a = :b").putExpressionName("#a", "a");
            var refusal = assertThrows(IllegalArgumentException.class, builder::build);
            assertTrue(refusal.getMessage().contains(":b"), refusal.getMessage());
        }

        @Test
        void aDeclaredPlaceholderTheTextDoesNotUseIsRefused() {
            // DynamoDB refuses a request with unused names or values; so does the expression.
            var builder = DynamoExpression.builder().expression("#a = :b").putExpressionName("#a", "a")
                    .putExpressionValue(":b", AttributeValue.fromS("x")).putExpressionValue(":c", AttributeValue.fromS("y"));
            var refusal = assertThrows(IllegalArgumentException.class, builder::build);
            assertTrue(refusal.getMessage().contains(":c"), refusal.getMessage());
        }

        @Test
        void aPlaceholderIsAWholeTokenNotAPrefixOfALongerOne() {
            var builder = DynamoExpression.builder().expression("contains(#ids, :a10)").putExpressionName("#ids", "ids")
                    .putExpressionValue(":a1", AttributeValue.fromS("x"));
            assertThrows(IllegalArgumentException.class, builder::build);
        }

        @Test
        void aPlaceholderMustCarryItsSigil() {
            var builder = DynamoExpression.builder();
            assertThrows(IllegalArgumentException.class, () -> builder.putExpressionName(":a", "a"));
            assertThrows(IllegalArgumentException.class, () -> builder.putExpressionValue("#a", AttributeValue.fromS("x")));
            assertThrows(IllegalArgumentException.class, () -> builder.putExpressionName("#a b", "a"));
        }

        @Test
        void namesComeFromATableOnlyWhereTheTextUsesThem() {
            DynamoExpression e = DynamoExpression.builder().expression("#images[1].#url")
                    .expressionNamesFrom(Map.of("#images", "images", "#url", "url", "#cover", "coverUrl"))
                    .build();
            assertEquals(Map.of("#images", "images", "#url", "url"), e.expressionNames());
        }

        @Test
        void laterChangesToTheBuilderLeaveABuiltExpressionAlone() {
            var builder = DynamoExpression.builder().expression("#a").putExpressionName("#a", "a");
            DynamoExpression built = builder.build();
            builder.putExpressionName("#a", "b");
            assertEquals(Map.of("#a", "a"), built.expressionNames());
        }
    }

    @Nested
    class Immutability {
        @Test
        void theMapsItReturnsCannotBeChanged() {
            DynamoExpression e = count(":max", 7);
            assertThrows(UnsupportedOperationException.class, () -> e.expressionNames().put("#other", "x"));
            assertThrows(UnsupportedOperationException.class, () -> e.expressionValues().remove(":max"));
        }

        @Test
        void theMergedMapsCannotBeChangedEither() {
            DynamoExpression joined = EXISTS.and(count(":max", 7));
            assertThrows(UnsupportedOperationException.class, () -> joined.expressionNames().clear());
            assertThrows(UnsupportedOperationException.class, () -> joined.expressionValues().put(":x", AttributeValue.fromS("x")));
            assertThrows(UnsupportedOperationException.class, () -> DynamoExpression.namesOf(EXISTS).clear());
            assertThrows(UnsupportedOperationException.class, () -> DynamoExpression.valuesOf(EXISTS).clear());
        }

        @Test
        void combiningLeavesTheOperandsAsTheyWere() {
            DynamoExpression max = count(":max", 7);
            EXISTS.and(max).parenthesized().not();
            assertEquals("attribute_exists(#pk)", EXISTS.expression());
            assertEquals(Map.of("#pk", "userId"), EXISTS.expressionNames());
            assertEquals(count(":max", 7), max);
        }
    }

    @Nested
    class Merging {
        @Test
        void andJoinsTheTextsAndMergesTheMaps() {
            DynamoExpression joined = EXISTS.and(count(":max", 7));
            assertEquals("attribute_exists(#pk) AND #count <= :max", joined.expression());
            assertEquals(Map.of("#pk", "userId", "#count", "imageCount"), joined.expressionNames());
            assertEquals(Map.of(":max", AttributeValue.fromN("7")), joined.expressionValues());
        }

        @Test
        void joinUsesItsSeparatorAsItIsAndAddsNoParentheses() {
            DynamoExpression a = DynamoExpression.builder().expression("contains(#ids, :a0)").putExpressionName("#ids", "ids")
                    .putExpressionValue(":a0", AttributeValue.fromS("x")).build();
            DynamoExpression b = DynamoExpression.builder().expression("contains(#ids, :a1)").putExpressionName("#ids", "ids")
                    .putExpressionValue(":a1", AttributeValue.fromS("y")).build();
            DynamoExpression any = DynamoExpression.join(" OR ", List.of(a, b));
            assertEquals("contains(#ids, :a0) OR contains(#ids, :a1)", any.expression());
            assertEquals("NOT (contains(#ids, :a0) OR contains(#ids, :a1))", any.parenthesized().not().expression());
            assertEquals(Map.of("#ids", "ids"), any.expressionNames());
            assertEquals(2, any.expressionValues().size());
        }

        @Test
        void theSamePlaceholderBoundToTheSameThingMergesIntoOne() {
            DynamoExpression joined = DynamoExpression.and(count(":max", 7), count(":max", 7));
            assertEquals(Map.of("#count", "imageCount"), joined.expressionNames());
            assertEquals(Map.of(":max", AttributeValue.fromN("7")), joined.expressionValues());
        }

        @Test
        void aValuePlaceholderBoundToAnotherValueIsRefused() {
            var refusal = assertThrows(IllegalArgumentException.class, () -> count(":max", 7).and(count(":max", 8)));
            assertTrue(refusal.getMessage().contains(":max"), refusal.getMessage());
            assertThrows(IllegalArgumentException.class, () -> DynamoExpression.valuesOf(count(":max", 7), count(":max", 8)));
        }

        @Test
        void aNamePlaceholderBoundToAnotherNameIsRefused() {
            DynamoExpression other = DynamoExpression.builder().expression("attribute_exists(#pk)").putExpressionName("#pk", "other").build();
            var refusal = assertThrows(IllegalArgumentException.class, () -> EXISTS.and(other));
            assertTrue(refusal.getMessage().contains("#pk"), refusal.getMessage());
            assertThrows(IllegalArgumentException.class, () -> DynamoExpression.namesOf(EXISTS, other));
        }

        @Test
        void theMapsOfARequestsExpressionsMergeWithoutTheirTexts() {
            DynamoExpression update = DynamoExpression.builder().expression("SET #count = #count + :n").putExpressionName("#count", "imageCount")
                    .putExpressionValue(":n", AttributeValue.fromN("1")).build();
            DynamoExpression condition = EXISTS.and(count(":max", 7));
            assertEquals(Map.of("#pk", "userId", "#count", "imageCount"), DynamoExpression.namesOf(update, condition));
            assertEquals(Map.of(":n", AttributeValue.fromN("1"), ":max", AttributeValue.fromN("7")),
                    DynamoExpression.valuesOf(update, condition));
        }
    }

    @Nested
    class Empty {
        @Test
        void anEmptyExpressionHasNoTextNoNamesAndNoValues() {
            assertTrue(DynamoExpression.EMPTY.isEmpty());
            assertEquals("", DynamoExpression.EMPTY.expression());
            assertEquals(Map.of(), DynamoExpression.EMPTY.expressionNames());
            assertEquals(Map.of(), DynamoExpression.EMPTY.expressionValues());
            assertSame(DynamoExpression.EMPTY, DynamoExpression.builder().build());
        }

        @Test
        void anEmptyOperandAddsNothing() {
            assertSame(EXISTS, EXISTS.and(DynamoExpression.EMPTY));
            assertSame(EXISTS, DynamoExpression.EMPTY.and(EXISTS));
            assertEquals("attribute_exists(#pk) AND #count <= :max",
                    DynamoExpression.and(DynamoExpression.EMPTY, EXISTS, DynamoExpression.EMPTY, count(":max", 7)).expression());
        }

        @Test
        void joiningNothingOrOnlyEmptiesIsEmpty() {
            assertSame(DynamoExpression.EMPTY, DynamoExpression.join(" AND ", List.of()));
            assertSame(DynamoExpression.EMPTY, DynamoExpression.and(DynamoExpression.EMPTY, DynamoExpression.EMPTY));
            assertSame(DynamoExpression.EMPTY, DynamoExpression.EMPTY.parenthesized());
            assertEquals(Map.of(), DynamoExpression.valuesOf(DynamoExpression.EMPTY, EXISTS));
        }

        @Test
        void anEmptyConditionHasNoNegation() {
            assertThrows(IllegalStateException.class, DynamoExpression.EMPTY::not);
        }

        @Test
        void placeholdersWithoutTextAreRefused() {
            var builder = DynamoExpression.builder().putExpressionName("#a", "a");
            assertThrows(IllegalArgumentException.class, builder::build);
        }
    }

    @Test
    void itsTextShowsTheValuePlaceholdersButNotTheValues() {
        DynamoExpression e = DynamoExpression.builder().expression("#url = :url").putExpressionName("#url", "url")
                .putExpressionValue(":url", AttributeValue.fromS("https://secret.example/x")).build();
        assertTrue(e.toString().contains(":url"), e.toString());
        assertFalse(e.toString().contains("secret.example"), e.toString());
    }
}
