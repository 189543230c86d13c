package com.userimages.contract.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CorpusPlaceholdersTest {
    private static final Map<String, String> VALUES = Map.of("owner", "alice", "collectionId", "AbCd", "token", "abc");

    @Test
    void repeatsExpandFirstThenNamedValues() {
        assertEquals("xxx/alice/AbCd", CorpusPlaceholders.resolve("{{repeat:3:x}}/{{owner}}/{{collectionId}}", VALUES));
    }

    @Test
    void alterationsChangeTheSeededValue() {
        assertEquals("ABCD", CorpusPlaceholders.resolve("{{collectionId:upper}}", VALUES));
        assertEquals("aBcD", CorpusPlaceholders.resolve("{{collectionId:swapcase}}", VALUES));
        assertEquals("BbCd", CorpusPlaceholders.alter("AbCd", "flip:0"));
        assertEquals("AbCA", CorpusPlaceholders.alter("AbCd", "flip:-1"));
        assertEquals("Ab", CorpusPlaceholders.alter("AbCd", "drop:2"));
        assertEquals("AbCd%00", CorpusPlaceholders.alter("AbCd", "append:%00"));
        assertEquals("../AbCd", CorpusPlaceholders.alter("AbCd", "prefix:../"));
        assertEquals("abc=", CorpusPlaceholders.alter("abc", "pad"));
        assertEquals("abcd====", CorpusPlaceholders.alter("abcd", "pad"));
    }

    @Test
    void aPlaceholderWithoutASeededValueOrAnUnknownAlterationIsAnError() {
        assertThrows(IllegalStateException.class, () -> CorpusPlaceholders.resolve("{{other}}", VALUES));
        assertThrows(IllegalArgumentException.class, () -> CorpusPlaceholders.resolve("{{owner:rot13}}", VALUES));
    }

    @Test
    void textWithoutPlaceholdersIsUnchanged() {
        assertEquals("{{unknown}} {{ owner }} plain", CorpusPlaceholders.resolve("{{unknown}} {{ owner }} plain", VALUES));
    }
}
