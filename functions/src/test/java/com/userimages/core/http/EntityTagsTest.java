package com.userimages.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.userimages.core.error.ApiException;
import com.userimages.core.model.CollectionTag;
import com.userimages.core.model.VersionMatch;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EntityTagsTest {
    private static ApiRequest withHeader(String name, String value) {
        return new ApiRequest(APIGatewayV2HTTPEvent.builder().withHeaders(Map.of(name, value)).build());
    }

    @Test
    void anETagIsTheVersionAndTheIncarnationQuoted() {
        assertEquals("\"1.ab12cd34\"", EntityTags.of(new CollectionTag(1, "ab12cd34")));
        assertEquals("\"42.0\"", EntityTags.of(new CollectionTag(42, "0")));
    }

    private static CollectionTag tag(long version, String incarnation) {
        return new CollectionTag(version, incarnation);
    }

    @Test
    void listsWeakTagsAndTheStar() {
        var list = EntityTags.parse(" W/\"1\" ,, \"a-b\",\"\" ", "If-Match");
        assertFalse(list.any());
        assertEquals(List.of(new EntityTags.Tag(true, "1"), new EntityTags.Tag(false, "a-b"), new EntityTags.Tag(false, "")), list.tags());
        assertTrue(EntityTags.parse("\t*\t", "If-Match").any());
    }

    @Test
    void ifMatchComparesStronglyAndIfNoneMatchWeakly() {
        assertEquals(VersionMatch.oneOf(Set.of(tag(3, "ab12cd34"))),
                EntityTags.ifMatch(withHeader("if-match", "W/\"2.ab12cd34\", \"3.ab12cd34\", \"x\", \"03.ab12cd34\"")));
        assertEquals(VersionMatch.oneOf(Set.of(tag(2, "ab12cd34"), tag(3, "0"))),
                EntityTags.ifNoneMatch(withHeader("if-none-match", "W/\"2.ab12cd34\", \"3.0\"")).orElseThrow());
        assertEquals(VersionMatch.ANY, EntityTags.ifMatch(withHeader("if-match", "*")));
        assertEquals(VersionMatch.ANY, EntityTags.ifMatch(withHeader("x-other", "\"1\"")), "absent: any version");
        assertTrue(EntityTags.ifNoneMatch(withHeader("x-other", "\"1\"")).isEmpty());
        assertEquals(VersionMatch.oneOf(Set.of()), EntityTags.ifMatch(withHeader("if-match", "\"0\", \"-1\", \"1e3\", \"9999999999999999999\"")));
        assertEquals(VersionMatch.oneOf(Set.of(tag(7, "ab12cd34"))), EntityTags.ifMatch(withHeader("If-Match", "\"7.ab12cd34\"")));
    }

    @Test
    void onlyTagsThisApiIssuesNameAState() {
        // v4's bare versions, a wrong incarnation length or letter, a version without a tag: none names a state.
        for (String never : List.of("\"7\"", "\"7.\"", "\".ab12cd34\"", "\"7.ab12cd3\"", "\"7.ab12cd345\"", "\"7.AB12CD34\"",
                "\"7.ab12cd3i\"", "\"7.ab12cd3u\"", "\"7.00\"", "\"0.ab12cd34\"", "\"07.ab12cd34\"", "\"7.ab12cd34.1\"")) {
            assertEquals(VersionMatch.oneOf(Set.of()), EntityTags.ifMatch(withHeader("if-match", never)), never);
        }
    }

    @Test
    void malformedHeadersAre400s() {
        for (String bad : List.of("1", "\"1", "W/1", "w/\"1\"", "\"1\" \"2\"", "*,*", "\"1\",*", "", "  ", ",", "\"\u007f\"",
                "\"\u0080\"", "\"1\"\u0000", "W/\"1\"x", "\"" + "1".repeat(EntityTags.MAX_HEADER_LENGTH) + "\"")) {
            ApiException e = assertThrows(ApiException.class, () -> EntityTags.parse(bad, "If-Match"), bad);
            assertEquals(400, e.status());
            assertEquals("INVALID_PRECONDITION", e.code());
        }
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= EntityTags.MAX_TAGS; i++) many.append(i == 0 ? "" : ",").append("\"").append(i).append("\"");
        assertThrows(ApiException.BadRequest.class, () -> EntityTags.parse(many.toString(), "If-Match"));
        assertEquals(EntityTags.MAX_TAGS, EntityTags.parse(many.substring(many.indexOf(",") + 1), "If-Match").tags().size());
    }
}
