package com.userimages.core.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.userimages.core.error.ApiException;
import com.userimages.core.error.ErrorCode;
import com.userimages.core.json.JsonOutput;
import com.userimages.core.model.AppendResult;
import com.userimages.core.model.Collection;
import com.userimages.core.model.CollectionTag;
import com.userimages.core.model.ImageInCollection;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.ListedCollection;
import com.userimages.core.model.RemoveResult;
import com.userimages.core.pagination.ListPage;
import com.userimages.core.storage.UploadSettings;
import java.time.Duration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming writers against the tree writer they replaced: byte for byte the text
 * {@link Json#MAPPER} writes for the same tree, whatever the strings hold.
 */
class JsonOutputTest {
    /** Bodies without uploaded images sign nothing: a signer asked for fails the test. */
    private static final ImageUrls NO_SIGNER = new ImageUrls(() -> {
        throw new AssertionError("no url here needs signing");
    }, new UploadSettings(10, 10, Duration.ofMinutes(10), Duration.ofMinutes(15)));

    /** The worst strings a body can carry back: quotes, backslashes, controls, non-ASCII, lone surrogates, separators. */
    private static final String[] STRINGS = {
            "plain", "", "quote\" backslash\\ slash/", "\u0000\u0001\u001f\u007f", "tab\tnl\ncr\r",
            "é ü 中文 😀", "\ud800 lone", "lone \udc00", "\u2028\u2029", "</script><!--", "\\u0041"};

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void responseBodiesAreWhatTheTreeWriterWrote(int index) {
        String s = STRINGS[index];
        Collection collection = new Collection("c" + s, "t" + s,
                List.of(new ImageRef("i" + s, "u" + s), new ImageRef("j", "https://a.example/2")), new CollectionTag(7, "ab12cd34"));
        ObjectNode expected = Json.object();
        expected.put("imagesCollectionId", "c" + s).put("timestamp", "t" + s).put("imageCount", 2);
        ArrayNode images = expected.putArray("images");
        images.addObject().put("imageId", "i" + s).put("url", "u" + s).put("source", "url");
        images.addObject().put("imageId", "j").put("url", "https://a.example/2").put("source", "url");
        assertEquals(Json.write(expected), ResponseBodies.collection(collection, NO_SIGNER).text());

        assertEquals(Json.write(Json.object().put("imagesCollectionId", s).put("appended", 3).put("imageCount", 9)),
                ResponseBodies.appendResult(new AppendResult(s, 3, 9, new CollectionTag(2, "0"))).text());
        assertEquals(Json.write(Json.object().put("imagesCollectionId", s).put("removed", 0).put("imageCount", 1000)),
                ResponseBodies.removeResult(new RemoveResult(s, 0, 1000, new CollectionTag(2, "0"))).text());
        assertEquals(Json.write(Json.object().put("imagesCollectionId", s).put("imageId", s).put("url", s).put("source", "url").put("position", 41)),
                ResponseBodies.image(new ImageInCollection(s, new ImageRef(s, s), 41, new CollectionTag(1, "0")), NO_SIGNER).text());

        ObjectNode error = Json.object();
        error.putObject("error").put("code", "INVALID_BODY").put("message", "m" + s).put("requestId", s);
        assertEquals(Json.write(error), ApiResponses.error(new ApiException.BadRequest(ErrorCode.INVALID_BODY, "m" + s), s).getBody());
    }

    @Test
    void aListPageKeepsItsNullsAndItsShape() {
        List<ListedCollection> items = new ArrayList<>();
        items.add(new ListedCollection("a", "2026-01-01T00:00:00Z", 0, null));
        items.add(new ListedCollection("b\"", "2026-01-02T00:00:00Z", 3, "https://a.example/é"));
        for (String nextToken : new String[] {null, "tok-\u0001"}) {
            for (boolean partial : new boolean[] {true, false}) {
                ListPage page = new ListPage(items, 25, nextToken, partial, 1, 2);
                ObjectNode expected = Json.object();
                ArrayNode listed = expected.putArray("items");
                listed.addObject().put("imagesCollectionId", "a").put("timestamp", "2026-01-01T00:00:00Z").put("imageCount", 0).putNull("coverUrl");
                listed.addObject().put("imagesCollectionId", "b\"").put("timestamp", "2026-01-02T00:00:00Z").put("imageCount", 3)
                        .put("coverUrl", "https://a.example/é");
                expected.put("count", 2);
                ObjectNode pagination = expected.putObject("pagination").put("limit", 25);
                if (nextToken == null) pagination.putNull("nextToken");
                else pagination.put("nextToken", nextToken);
                pagination.put("partial", partial);
                assertEquals(Json.write(expected), ResponseBodies.listPage(page, NO_SIGNER).text());
            }
        }
        ObjectNode empty = Json.object();
        empty.putArray("items");
        empty.put("count", 0);
        empty.putObject("pagination").put("limit", 1).putNull("nextToken").put("partial", false);
        assertEquals(Json.write(empty), ResponseBodies.listPage(new ListPage(List.of(), 1, null, false, 1, 0), NO_SIGNER).text());
    }

    @Test
    void aWriterWritesOneValueAndAFailureInsideItIsUnchecked() {
        assertEquals("{\"a\":[1,null]}", JsonOutput.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("a");
            g.writeNumber(1);
            g.writeNull();
            g.writeEndArray();
            g.writeEndObject();
        }));
        UncheckedIOException failed = assertThrows(UncheckedIOException.class, () -> JsonOutput.write(g -> {
            throw new IOException("disk full");
        }));
        assertEquals("disk full", failed.getCause().getMessage());
    }

    @Test
    void theInternalErrorIsWhatTheTreeWriterWrote() {
        ObjectNode error = Json.object();
        error.putObject("error").put("code", "INTERNAL_ERROR").put("message", "The server failed to handle the request.")
                .put("requestId", "r\u2028");
        assertEquals(Json.write(error), ApiResponses.internalError("r\u2028").getBody());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void theReplayDigestsCanonicalFormIsUnchanged(int index) {
        // Digests stored before the streaming writer must still match a replay of the same request.
        String s = STRINGS[index];
        for (String timestamp : new String[] {null, "2026-01-01T00:00:00Z"}) {
            List<CollectionRequests.SentImage> sent = List.of(
                    new CollectionRequests.SentImage(null, "https://a.example/" + s),
                    new CollectionRequests.SentImage("i" + s, "u"));
            ObjectNode canonical = Json.object();
            canonical.put("imagesCollectionId", "c" + s);
            if (timestamp != null) canonical.put("timestamp", timestamp);
            ArrayNode images = canonical.putArray("images");
            images.addObject().put("url", "https://a.example/" + s);
            images.addObject().put("imageId", "i" + s).put("url", "u");
            assertEquals(Json.write(canonical), CollectionRequests.canonical("c" + s, timestamp, sent));
        }
        assertEquals("{\"imagesCollectionId\":\"c\",\"images\":[]}", CollectionRequests.canonical("c", null, List.of()));
    }
}
