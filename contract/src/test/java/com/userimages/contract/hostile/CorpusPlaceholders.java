package com.userimages.contract.hostile;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hostile corpus' placeholders ({@code functions/src/test/resources/hostile/corpus.json}, see
 * its {@code generate_corpus.py}), expanded the same way by both of its runners: the functions'
 * in-process one and the local server's over-HTTP one. {@code {{repeat:N:text}}} first, then
 * {@code {{name}}} or {@code {{name:alteration}}} from the runner's seeded values.
 */
public final class CorpusPlaceholders {
    private static final Pattern REPEAT = Pattern.compile("\\{\\{repeat:(\\d+):(.*?)}}", Pattern.DOTALL);
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\\{(owner|other|collectionId|imageId|otherCollectionId|token)(?::([^}]*))?}}", Pattern.DOTALL);

    private CorpusPlaceholders() {}

    /** @param values the runner's seeded values by placeholder name; a placeholder without one is an error */
    public static String resolve(String text, Map<String, String> values) {
        Matcher repeat = REPEAT.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(expanded, Matcher.quoteReplacement(repeat.group(2).repeat(Integer.parseInt(repeat.group(1)))));
        }
        repeat.appendTail(expanded);
        Matcher m = PLACEHOLDER.matcher(expanded);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) throw new IllegalStateException("unknown placeholder " + m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2) == null ? value : alter(value, m.group(2))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** One alteration of a seeded value ({@code upper}, {@code flip:N}, {@code drop:N}, {@code append:S}, ...). */
    public static String alter(String value, String op) {
        int colon = op.indexOf(':');
        String name = colon < 0 ? op : op.substring(0, colon);
        String arg = colon < 0 ? "" : op.substring(colon + 1);
        return switch (name) {
            case "upper" -> value.toUpperCase(Locale.ROOT);
            case "flip" -> {
                int n = Integer.parseInt(arg);
                int i = n < 0 ? value.length() + n : n;
                char replacement = value.charAt(i) == 'A' ? 'B' : 'A';
                yield value.substring(0, i) + replacement + value.substring(i + 1);
            }
            case "drop" -> value.substring(0, value.length() - Integer.parseInt(arg));
            case "append" -> value + arg;
            case "prefix" -> arg + value;
            case "swapcase" -> {
                StringBuilder b = new StringBuilder();
                for (char ch : value.toCharArray()) b.append(Character.isUpperCase(ch) ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
                yield b.toString();
            }
            case "pad" -> value + "=".repeat((4 - value.length() % 4) % 4 == 0 ? 4 : (4 - value.length() % 4) % 4);
            default -> throw new IllegalArgumentException("unknown alteration " + op);
        };
    }
}
