package com.userimages.core.data;

import static com.userimages.testing.ExternalImages.image;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.core.model.Collection;
import com.userimages.core.model.CollectionTag;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.UploadedFile;
import com.userimages.core.model.Ids;
import com.userimages.core.model.ListSelection;
import com.userimages.core.model.ListedCollection;
import com.userimages.core.model.NewCollection;
import com.userimages.core.model.Preconditions;
import com.userimages.core.model.SortOrder;
import com.userimages.core.model.Timestamps;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.TestApi;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The entry point to the repository's tests: each write and read on the test engine, one
 * conditional request each, with fresh users and ids. The rules built on them (replays, retries,
 * preconditions, exact pages) are tested through the service and the handlers.
 */
@ExtendWith(DynamoDbExtension.class)
class CollectionRepositoryTest {
    private static final Instant BASE = Instant.parse("2025-10-01T00:00:00Z");

    private final CollectionRepository repository = DynamoDbExtension.components().collectionRepository();
    private final String user = TestApi.newUser();

    /** Three images, fresh for each test, for the collections it creates. */
    private final ImageRef a = image("a");
    private final ImageRef b = image("b");
    private final ImageRef c = image("c");

    private static NewCollection newCollection(int secondsAfterBase, String digest, ImageRef... images) {
        return new NewCollection(Ids.generate(), Timestamps.format(BASE.plusSeconds(secondsAfterBase)), List.of(images), digest);
    }

    private Collection stored(NewCollection collection) {
        var attempt = repository.putIfAbsent(user, collection, ItemSizeEstimator.newCollection(user, collection));
        return assertInstanceOf(CreateOutcome.Created.class, attempt).collection();
    }

    @Nested
    class Create {
        @Test
        void aNewCollectionIsWrittenAsVersionOneAndReadBackAsWritten() {
            NewCollection collection = newCollection(0, "digest-a", a, b);
            Collection written = stored(collection);
            assertEquals(Collection.FIRST_VERSION, written.version());
            assertEquals(Optional.of(written), repository.get(user, collection.collectionId()));
        }

        @Test
        void anIdTakenIsRefusedWithTheStoredStateNotOverwritten() {
            NewCollection first = newCollection(0, "digest-first", a);
            Collection written = stored(first);
            NewCollection second = new NewCollection(first.collectionId(), first.timestamp(), List.of(b, c), "digest-second");
            var attempt = repository.putIfAbsent(user, second, ItemSizeEstimator.newCollection(user, second));
            StoredCollection state = assertInstanceOf(CreateOutcome.Exists.class, attempt).state();
            assertEquals("digest-first", state.requestDigest());
            assertEquals(written, state.collection());
            assertEquals(Optional.of(written), repository.get(user, first.collectionId()));
        }

        @Test
        void eachCreateChoosesANewIncarnation() {
            Collection one = stored(newCollection(0, "d"));
            Collection other = stored(newCollection(1, "d"));
            assertNotEquals(one.tag().incarnation(), other.tag().incarnation());
        }
    }

    @Nested
    class Read {
        @Test
        void anAbsentCollectionIsEmptyNotAnError() {
            assertEquals(Optional.empty(), repository.get(user, Ids.generate()));
            assertEquals(Optional.empty(), repository.readState(user, Ids.generate()));
        }

        @Test
        void anotherUsersCollectionIsAbsent() {
            Collection written = stored(newCollection(0, "d", a));
            assertEquals(Optional.empty(), repository.get(TestApi.newUser(), written.collectionId()));
        }

        @Test
        void theStoredStateHoldsEveryImagesUrlByIdAndTheRequestDigest() {
            Collection written = stored(newCollection(0, "digest-ab", a, b));
            StoredCollection state = repository.readState(user, written.collectionId()).orElseThrow();
            assertEquals(2, state.imageCount());
            assertEquals(Map.of(a.imageId(), a.url(), b.imageId(), b.url()), state.urlsById());
            assertEquals("digest-ab", state.requestDigest());
            assertTrue(state.sizeBytes() > 0);
        }
    }

    @Nested
    class Append {
        @Test
        void anUploadedImagesTypeAndSizeAreStoredWithItAndCountedInTheItemSize() {
            Collection written = stored(newCollection(0, "d", a));
            ImageRef uploaded = new ImageRef(Ids.generate(), "s3:images/0123456789abcdef0123456789abcdef/x/y/z", new UploadedFile("image/png", 123_456));
            assertTrue(ItemSizeEstimator.images(List.of(uploaded)) > ItemSizeEstimator.images(List.of(new ImageRef(uploaded.imageId(), uploaded.url()))),
                    "the type and size attributes count");
            var attempt = repository.appendImages(user, written.collectionId(), List.of(uploaded), ItemSizeEstimator.images(List.of(uploaded)),
                    1_000, ItemSizeEstimator.MAX_ITEM_BYTES, Preconditions.NONE);
            assertInstanceOf(AppendOutcome.Appended.class, attempt);
            List<ImageRef> images = repository.get(user, written.collectionId()).orElseThrow().images();
            assertEquals(List.of(a, uploaded), images);
            assertEquals(null, images.getFirst().upload(), "an external image has no upload facts");
        }

        @Test
        void appendedImagesGoAtTheEndUnderTheNextVersion() {
            Collection written = stored(newCollection(0, "d", a));
            var attempt = repository.appendImages(user, written.collectionId(), List.of(b), ItemSizeEstimator.images(List.of(b)),
                    1_000, ItemSizeEstimator.MAX_ITEM_BYTES, Preconditions.NONE);
            var appended = assertInstanceOf(AppendOutcome.Appended.class, attempt);
            assertEquals(2, appended.imageCount());
            assertEquals(written.tag().next(), appended.tag());
            assertEquals(List.of(a, b), repository.get(user, written.collectionId()).orElseThrow().images());
        }

        @Test
        void anIdAlreadyThereRefusesTheWholeAppend() {
            Collection written = stored(newCollection(0, "d", a));
            List<ImageRef> again = List.of(b, a);
            var attempt = repository.appendImages(user, written.collectionId(), again, ItemSizeEstimator.images(again),
                    1_000, ItemSizeEstimator.MAX_ITEM_BYTES, Preconditions.NONE);
            var refused = assertInstanceOf(AppendOutcome.Refused.class, attempt);
            assertEquals(written, refused.state().collection());
            assertEquals(written, repository.get(user, written.collectionId()).orElseThrow());
        }

        @Test
        void anAppendOverTheImageBoundIsRefused() {
            Collection written = stored(newCollection(0, "d", a, b));
            List<ImageRef> one = List.of(c);
            var attempt = repository.appendImages(user, written.collectionId(), one, ItemSizeEstimator.images(one),
                    2, ItemSizeEstimator.MAX_ITEM_BYTES, Preconditions.NONE);
            assertInstanceOf(AppendOutcome.Refused.class, attempt);
            assertEquals(2, repository.get(user, written.collectionId()).orElseThrow().imageCount());
        }

        @Test
        void anAppendToNoCollectionIsRefusedWithoutState() {
            List<ImageRef> one = List.of(a);
            var attempt = repository.appendImages(user, Ids.generate(), one, ItemSizeEstimator.images(one),
                    1_000, ItemSizeEstimator.MAX_ITEM_BYTES, Preconditions.NONE);
            assertNull(assertInstanceOf(AppendOutcome.Refused.class, attempt).state());
        }
    }

    @Nested
    class Edit {
        @Test
        void replacingTheImagesOfTheStateReadWritesTheNextVersion() {
            Collection written = stored(newCollection(0, "d", a, b));
            var attempt = repository.replaceImages(user, written.collectionId(), List.of(b, a), written.tag());
            CollectionTag next = assertInstanceOf(ReorderOutcome.Reordered.class, attempt).tag();
            assertEquals(written.tag().next(), next);
            assertEquals(List.of(b, a), repository.get(user, written.collectionId()).orElseThrow().images());
        }

        @Test
        void replacingTheImagesOfAnOlderStateIsRefusedWithTheCurrentOne() {
            Collection written = stored(newCollection(0, "d", a, b));
            repository.replaceImages(user, written.collectionId(), List.of(b, a), written.tag());
            var attempt = repository.replaceImages(user, written.collectionId(), List.of(a, b), written.tag());
            Collection current = assertInstanceOf(ReorderOutcome.Refused.class, attempt).current().orElseThrow();
            assertEquals(List.of(b, a), current.images());
        }

        @Test
        void removingAnImageByItsPositionKeepsTheOthersInOrder() {
            Collection written = stored(newCollection(0, "d", a, b, c));
            var attempt = repository.removeImage(user, written.collectionId(), 1, b, 3, Preconditions.NONE,
                    ItemSizeEstimator.images(List.of(b)));
            var removed = assertInstanceOf(RemoveImageOutcome.Removed.class, attempt);
            assertEquals(2, removed.imageCount());
            assertEquals(List.of(a, c), repository.get(user, written.collectionId()).orElseThrow().images());
        }

        @Test
        void aDeletedCollectionIsGoneAndASecondDeleteFindsNothing() {
            Collection written = stored(newCollection(0, "d", a));
            assertInstanceOf(DeleteOutcome.Deleted.class,
                    repository.deleteCollection(user, written.collectionId(), Preconditions.NONE));
            assertEquals(Optional.empty(), repository.get(user, written.collectionId()));
            var again = repository.deleteCollection(user, written.collectionId(), Preconditions.NONE);
            assertEquals(Optional.empty(), assertInstanceOf(DeleteOutcome.Refused.class, again).current());
        }
    }

    @Nested
    class QueryByTimestamp {
        private static final ListSelection NEWEST_FIRST = new ListSelection(SortOrder.DESC, null, null, 0);

        @Test
        void aSliceIsTheUsersCollectionsNewestFirstWithTheirCountAndCover() {
            ImageRef cover = image("cover");
            Collection older = stored(newCollection(0, "d", cover, image("x")));
            Collection newer = stored(newCollection(1, "d"));
            TimestampIndexSlice slice = repository.queryByTimestamp(user, NEWEST_FIRST, null, 10);
            assertEquals(List.of(new ListedCollection(newer.collectionId(), newer.timestamp(), 0, null),
                    new ListedCollection(older.collectionId(), older.timestamp(), 2, cover.url())), slice.items());
            assertEquals(2, slice.scannedCount());
        }

        @Test
        void aSliceCutByItsLimitEndsAtTheLastEntryEvaluated() {
            stored(newCollection(0, "d"));
            Collection middle = stored(newCollection(1, "d"));
            stored(newCollection(2, "d"));
            TimestampIndexSlice slice = repository.queryByTimestamp(user, NEWEST_FIRST, null, 2);
            assertEquals(2, slice.items().size());
            assertEquals(slice.items().getLast().indexKey(), slice.lastEvaluatedKey());
            assertEquals(middle.collectionId(), slice.lastEvaluatedKey().collectionId());
        }

        @Test
        void theImageFilterCountsWhatItEvaluatedNotWhatMatched() {
            stored(newCollection(0, "d"));
            Collection withImages = stored(newCollection(1, "d", a));
            stored(newCollection(2, "d"));
            TimestampIndexSlice slice = repository.queryByTimestamp(user, new ListSelection(SortOrder.DESC, null, null, 1), null, 10);
            assertEquals(List.of(withImages.collectionId()), slice.items().stream().map(ListedCollection::collectionId).toList());
            assertEquals(3, slice.scannedCount());
        }
    }
}
