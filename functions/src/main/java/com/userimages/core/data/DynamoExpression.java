package com.userimages.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One DynamoDB expression (a condition, an update, a key condition, a filter or a projection) with
 * the {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} it uses, modelled on the
 * SDK enhanced client's {@code Expression}: a builder, {@link #and} and {@link #join} merging the
 * maps, and a merge that refuses a placeholder bound to two different things. Immutable.
 *
 * <p>Built only inside this package, from fixed text: every name and value is a placeholder, and
 * {@link Builder#build} refuses a placeholder the text uses but does not declare, or one it declares
 * but does not use (DynamoDB refuses unused ones), so a request carries exactly what its
 * expressions need. Unlike the SDK's, joining adds no parentheses (DynamoDB refuses redundant ones):
 * an operand with an {@code OR} at its top is {@link #parenthesized()} by the caller.
 */
final class DynamoExpression {
    /** No expression: what {@link #and} and {@link #join} pass over, and what they give for nothing to join. */
    static final DynamoExpression EMPTY = new DynamoExpression("", Map.of(), Map.of());

    private static final Pattern PLACEHOLDER = Pattern.compile("[#:][A-Za-z0-9_]+");

    private final String expression;
    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;

    private DynamoExpression(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        this.expression = expression;
        this.names = names;
        this.values = values;
    }

    static Builder builder() {
        return new Builder();
    }

    /** The expression text; empty for {@link #EMPTY}. */
    String expression() {
        return expression;
    }

    /** The name placeholders the text uses, each with its attribute name; unmodifiable. */
    Map<String, String> expressionNames() {
        return names;
    }

    /** The value placeholders the text uses, each with its value; unmodifiable. */
    Map<String, AttributeValue> expressionValues() {
        return values;
    }

    boolean isEmpty() {
        return expression.isEmpty();
    }

    /** This condition and {@code other}; an empty one adds nothing. */
    DynamoExpression and(DynamoExpression other) {
        return and(this, other);
    }

    /** All the conditions, joined by {@code AND}; the empty ones are passed over. */
    static DynamoExpression and(DynamoExpression... conditions) {
        return join(" AND ", Arrays.asList(conditions));
    }

    /** As {@link #join(String, Collection)}. */
    static DynamoExpression join(String separator, DynamoExpression... parts) {
        return join(separator, Arrays.asList(parts));
    }

    /**
     * The non-empty parts' texts joined by {@code separator} as it is (" AND ", " OR ", ", ", " "),
     * with their names and values merged: {@link #EMPTY} when every part is empty.
     *
     * @throws IllegalArgumentException when two parts bind one placeholder to different things
     */
    static DynamoExpression join(String separator, Collection<DynamoExpression> parts) {
        List<DynamoExpression> present = parts.stream().filter(p -> !p.isEmpty()).toList();
        if (present.isEmpty()) return EMPTY;
        if (present.size() == 1) return present.getFirst();
        List<String> texts = new ArrayList<>(present.size());
        for (DynamoExpression part : present) texts.add(part.expression);
        return new DynamoExpression(String.join(separator, texts), namesOf(present), valuesOf(present));
    }

    /** This expression in parentheses (empty stays empty). */
    DynamoExpression parenthesized() {
        return isEmpty() ? this : new DynamoExpression("(" + expression + ")", names, values);
    }

    /** The negation of this condition, which must be one operand (a function, or {@link #parenthesized()}). */
    DynamoExpression not() {
        if (isEmpty()) throw new IllegalStateException("an empty condition has no negation");
        return new DynamoExpression("NOT " + expression, names, values);
    }

    /**
     * The names of several expressions that go in one request, merged (unmodifiable).
     *
     * @throws IllegalArgumentException when two of them bind one placeholder to different names
     */
    static Map<String, String> namesOf(DynamoExpression... expressions) {
        return namesOf(Arrays.asList(expressions));
    }

    /**
     * The values of several expressions that go in one request, merged (unmodifiable).
     *
     * @throws IllegalArgumentException when two of them bind one placeholder to different values
     */
    static Map<String, AttributeValue> valuesOf(DynamoExpression... expressions) {
        return valuesOf(Arrays.asList(expressions));
    }

    private static Map<String, String> namesOf(Collection<DynamoExpression> expressions) {
        Map<String, String> merged = new HashMap<>();
        for (DynamoExpression e : expressions) merge(merged, e.names, "name");
        return Map.copyOf(merged);
    }

    private static Map<String, AttributeValue> valuesOf(Collection<DynamoExpression> expressions) {
        Map<String, AttributeValue> merged = new HashMap<>();
        for (DynamoExpression e : expressions) merge(merged, e.values, "value");
        return Map.copyOf(merged);
    }

    private static <V> void merge(Map<String, V> into, Map<String, V> from, String kind) {
        from.forEach((placeholder, value) -> {
            V bound = into.putIfAbsent(placeholder, value);
            if (bound != null && !bound.equals(value)) {
                throw new IllegalArgumentException("the expression " + kind + " " + placeholder + " is bound to two different "
                        + kind + "s");
            }
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DynamoExpression that && expression.equals(that.expression) && names.equals(that.names)
                && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(expression, names, values);
    }

    /** The text and the names, and only the value placeholders: values can hold what a request sent. */
    @Override
    public String toString() {
        return "DynamoExpression{expression='" + expression + "', names=" + names + ", values=" + new TreeSet<>(values.keySet()) + '}';
    }

    /** Collects one expression's text and placeholders; {@link #build} checks that they agree. */
    static final class Builder {
        private String expression = "";
        private final Map<String, String> names = new HashMap<>();
        private final Map<String, AttributeValue> values = new HashMap<>();

        private Builder() {}

        Builder expression(String expression) {
            this.expression = Objects.requireNonNull(expression, "expression");
            return this;
        }

        Builder putExpressionName(String placeholder, String attributeName) {
            names.put(checked(placeholder, '#'), Objects.requireNonNull(attributeName, "attributeName"));
            return this;
        }

        Builder putExpressionValue(String placeholder, AttributeValue value) {
            values.put(checked(placeholder, ':'), Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Declares the entries of {@code table} (placeholder to attribute name) whose placeholder the
         * text set so far uses: one table of names can serve every expression of a repository.
         */
        Builder expressionNamesFrom(Map<String, String> table) {
            for (String placeholder : placeholdersIn(expression)) {
                String name = table.get(placeholder);
                if (name != null) putExpressionName(placeholder, name);
            }
            return this;
        }

        /**
         * @throws IllegalArgumentException when the text uses a placeholder it does not declare, or
         *                                  declares one it does not use
         */
        DynamoExpression build() {
            Set<String> used = placeholdersIn(expression);
            Set<String> declared = new TreeSet<>(names.keySet());
            declared.addAll(values.keySet());
            if (!used.equals(declared)) {
                Set<String> undeclared = new TreeSet<>(used);
                undeclared.removeAll(declared);
                Set<String> unused = new TreeSet<>(declared);
                unused.removeAll(used);
                throw new IllegalArgumentException("placeholders used but not declared: " + undeclared
                        + ", declared but not used: " + unused);
            }
            if (expression.isEmpty()) return EMPTY;
            return new DynamoExpression(expression, Map.copyOf(names), Map.copyOf(values));
        }

        private static String checked(String placeholder, char sigil) {
            if (placeholder == null || placeholder.isEmpty() || placeholder.charAt(0) != sigil
                    || !PLACEHOLDER.matcher(placeholder).matches()) {
                throw new IllegalArgumentException("not a " + sigil + " placeholder: " + placeholder);
            }
            return placeholder;
        }

        private static Set<String> placeholdersIn(String text) {
            Set<String> found = new TreeSet<>();
            Matcher m = PLACEHOLDER.matcher(text);
            while (m.find()) found.add(m.group());
            return found;
        }
    }
}
