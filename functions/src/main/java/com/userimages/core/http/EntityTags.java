package com.userimages.core.http;

import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import com.userimages.core.model.CollectionTag;
import com.userimages.core.model.Incarnations;
import com.userimages.core.model.Preconditions;
import com.userimages.core.model.VersionMatch;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entity tags (RFC 9110 §8.8.3, §13.1.1–2): a collection's {@code ETag} is
 * {@code "<version>.<incarnation>"}, and {@code If-Match} / {@code If-None-Match} are parsed strictly — {@code *} alone, or a
 * comma-separated list of {@code "tag"} / {@code W/"tag"} — anything else is a 400
 * {@code INVALID_PRECONDITION} whose message never repeats what was sent.
 */
public final class EntityTags {
    public static final String IF_MATCH = "if-match";
    public static final String IF_NONE_MATCH = "if-none-match";

    /** Bounds on what is parsed at all; no client needs more, and a huge list is nobody's cache. */
    static final int MAX_HEADER_LENGTH = 4096;
    static final int MAX_TAGS = 64;

    /** The tags this API issues: a version (1 and up, canonical decimal, within a long), a dot, an incarnation. */
    private static final Pattern ISSUED = Pattern.compile("([1-9][0-9]{0,17})\\.([0-9a-z]+)");

    private EntityTags() {}

    /** The {@code ETag} of a collection in this state. */
    public static String of(CollectionTag tag) {
        return "\"" + tag.version() + "." + tag.incarnation() + "\"";
    }

    /** A parsed precondition header: {@code *}, or its tags in order. */
    record TagList(boolean any, List<Tag> tags) {}

    /** One entity tag; {@code opaque} is what is between the quotes. */
    record Tag(boolean weak, String opaque) {}

    /** {@code If-Match} by strong comparison; {@link VersionMatch#ANY} when absent or {@code *}. */
    public static VersionMatch ifMatch(ApiRequest request) {
        return request.header(IF_MATCH).map(v -> toMatch(parse(v, "If-Match"), false)).orElse(VersionMatch.ANY);
    }

    /** {@code If-None-Match} by weak comparison; empty when the request has none. */
    public static Optional<VersionMatch> ifNoneMatch(ApiRequest request) {
        return request.header(IF_NONE_MATCH).map(v -> toMatch(parse(v, "If-None-Match"), true));
    }

    /** Both precondition headers, each parsed strictly (malformed: 400) whether or not the other decides. */
    public static Preconditions preconditions(ApiRequest request) {
        return new Preconditions(request.header(IF_MATCH).map(v -> toMatch(parse(v, "If-Match"), false)),
                ifNoneMatch(request));
    }

    private static VersionMatch toMatch(TagList list, boolean weakComparison) {
        if (list.any()) return VersionMatch.ANY;
        Set<CollectionTag> tags = new LinkedHashSet<>();
        for (Tag tag : list.tags()) {
            // Strong comparison: a weak tag never matches. Tags this API never issued (v4's bare
            // versions among them) match no state.
            if (weakComparison || !tag.weak()) issued(tag.opaque()).ifPresent(tags::add);
        }
        return VersionMatch.oneOf(tags);
    }

    private static Optional<CollectionTag> issued(String opaque) {
        Matcher m = ISSUED.matcher(opaque);
        if (!m.matches() || !Incarnations.isWellFormed(m.group(2))) return Optional.empty();
        return Optional.of(new CollectionTag(Long.parseLong(m.group(1)), m.group(2)));
    }

    static TagList parse(String value, String header) {
        if (value.length() > MAX_HEADER_LENGTH) throw malformed(header, "is too long");
        String trimmed = strip(value);
        if (trimmed.equals("*")) return new TagList(true, List.of());
        List<Tag> tags = new ArrayList<>();
        int i = 0;
        int n = value.length();
        boolean expectTag = true;
        while (i < n) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == ',') {
                // Empty list elements are allowed (RFC 9110 §5.6.1); a comma ends a tag.
                expectTag = true;
                i++;
            } else {
                if (!expectTag) throw malformed(header, "needs a comma between entity tags");
                boolean weak = false;
                if (value.startsWith("W/", i)) {
                    weak = true;
                    i += 2;
                }
                if (i >= n || value.charAt(i) != '"') throw malformed(header, "holds something that is not a quoted entity tag");
                int close = i + 1;
                while (close < n && value.charAt(close) != '"') {
                    char t = value.charAt(close);
                    // etagc: visible ASCII except the quote (obs-text is refused: no tag this API issues has it).
                    if (t < 0x21 || t > 0x7E) throw malformed(header, "holds a character an entity tag cannot");
                    close++;
                }
                if (close >= n) throw malformed(header, "has an entity tag without its closing quote");
                if (tags.size() == MAX_TAGS) throw malformed(header, "lists more than " + MAX_TAGS + " entity tags");
                tags.add(new Tag(weak, value.substring(i + 1, close)));
                i = close + 1;
                expectTag = false;
            }
        }
        if (tags.isEmpty()) throw malformed(header, "is empty or '*' is not alone");
        return new TagList(false, List.copyOf(tags));
    }

    private static String strip(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) start++;
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) end--;
        return value.substring(start, end);
    }

    private static ApiException malformed(String header, String problem) {
        return new ApiException.BadRequest(ErrorCode.INVALID_PRECONDITION,
                header + " " + problem + ": send * or quoted entity tags such as \"3.ab12cd34\", comma-separated.");
    }
}
