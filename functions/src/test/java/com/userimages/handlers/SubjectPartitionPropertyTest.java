package com.userimages.handlers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.Setting;
import com.userimages.contract.Subjects;
import com.userimages.contract.UserImagesTable;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.Responses;
import com.userimages.testing.TestApi;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * API.md: "two different subs can never share data, whatever their bytes". Over arbitrary strings —
 * from a tiny alphabet rich in surrogates, controls and {@code ?} (so that strings which encode to
 * the same UTF-8 come up all the time), and from all of UTF-16 — each sub either is refused (401,
 * nothing written) or owns a partition whose stored {@code userId} is exactly that sub: same string,
 * same UTF-8 bytes, on the test engine. Two different accepted subs therefore never address one
 * partition, and neither sees the other's collection.
 */
class SubjectPartitionPropertyTest {
    private final TestApi api = new TestApi();

    @BeforeContainer
    static void database() throws Exception {
        DynamoDbExtension.ensureStarted();
    }

    @Provide
    Arbitrary<String> subs() {
        Arbitrary<String> collisionProne = Arbitraries.of('m', '?', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d',
                '\ude00', '\u0000', '\u001f', '\u007f', '\u0085', '\u009f', '\u00a0', '\ufffd', '\uffff', 'é', ' ')
                .list().ofMinSize(1).ofMaxSize(4).map(chars -> {
                    StringBuilder b = new StringBuilder();
                    chars.forEach(b::append);
                    return b.toString();
                });
        Arbitrary<String> anyUtf16 = Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMinLength(0).ofMaxLength(300);
        return Arbitraries.frequencyOf(Tuple.of(3, collisionProne), Tuple.of(1, anyUtf16));
    }

    @Property(tries = 300)
    void distinctAcceptedSubsNeverShareAPartition(@ForAll("subs") String first, @ForAll("subs") String second) {
        // A run-unique tail keeps tries apart (the same short sub comes up in many tries); it is plain
        // ASCII after the generated part, so it cannot repair an unpaired surrogate.
        String tail = "|" + UUID.randomUUID();
        String a = first + tail;
        String b = second + tail;
        String collection = UUID.randomUUID().toString();
        var created = api.create(a, "{\"imagesCollectionId\":\"" + collection + "\",\"images\":[]}");
        if (!Subjects.isUsable(a)) {
            assertEquals(401, created.getStatusCode(), created::getBody);
            // Nothing stored under what the SDK would have made of it.
            String encoded = new String(a.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            assertTrue(stored(encoded, collection).isEmpty(), "an unusable sub wrote data");
            return;
        }
        assertEquals(201, created.getStatusCode(), created::getBody);
        Map<String, AttributeValue> item = stored(a, collection);
        String userId = item.get(UserImagesTable.PARTITION_KEY).s();
        assertEquals(a, userId, "the stored partition key is exactly the sub");
        assertArrayEquals(a.getBytes(StandardCharsets.UTF_8), userId.getBytes(StandardCharsets.UTF_8));

        var other = api.get(b, collection);
        if (a.equals(b)) {
            assertEquals(200, other.getStatusCode());
        } else if (Subjects.isUsable(b)) {
            assertEquals(404, other.getStatusCode(), () -> "another sub reached the collection: " + other.getBody());
            assertEquals(0, Responses.body(api.list(b)).get("count").asInt(), "another sub lists the collection");
            // Different strings that are both well-formed have different UTF-8 bytes, hence different keys.
            assertTrue(!java.util.Arrays.equals(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        } else {
            assertEquals(401, other.getStatusCode());
        }
    }

    private static Map<String, AttributeValue> stored(String userId, String collection) {
        var response = DynamoDbExtension.client().getItem(r -> r.tableName(DynamoDbExtension.tableName()).consistentRead(true)
                .key(Map.of(UserImagesTable.PARTITION_KEY, AttributeValue.fromS(userId),
                        UserImagesTable.SORT_KEY, AttributeValue.fromS(collection))));
        return response.hasItem() ? response.item() : Map.of();
    }
}
