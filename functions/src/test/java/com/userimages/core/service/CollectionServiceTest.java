package com.userimages.core.service;

import static com.userimages.testing.ExternalImages.image;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.core.error.ApiException;
import com.userimages.core.model.AppendResult;
import com.userimages.core.model.Bounds;
import com.userimages.core.model.Collection;
import com.userimages.core.model.ImageInCollection;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.Ids;
import com.userimages.core.model.NewCollection;
import com.userimages.core.model.Preconditions;
import com.userimages.core.model.RemoveResult;
import com.userimages.core.model.Timestamps;
import com.userimages.core.model.VersionMatch;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.TestApi;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The entry point to the service's tests: each operation called directly on the test engine, one
 * {@code @Nested} group per operation, with fresh users and ids. The same rules over HTTP, with
 * their headers and races, are in the handlers' tests ({@code AppendCollectionHandlerTest},
 * {@code ConditionalRequestTest}, {@code ReorderImagesTest}, {@code ConcurrentEditTest}, ...).
 */
@ExtendWith(DynamoDbExtension.class)
class CollectionServiceTest {
    private static final int MAX_IMAGES_PER_COLLECTION = 3;

    private final CollectionService service = new CollectionService(DynamoDbExtension.components().collectionRepository(),
            new Bounds(100, MAX_IMAGES_PER_COLLECTION));
    private final String user = TestApi.newUser();

    /** Three images, fresh for each test, for the collections it creates. */
    private final ImageRef a = image("a");
    private final ImageRef b = image("b");
    private final ImageRef c = image("c");

    private static NewCollection newCollection(String digest, ImageRef... images) {
        return new NewCollection(Ids.generate(), Timestamps.format(Instant.parse("2025-11-01T00:00:00Z")), List.of(images), digest);
    }

    private Collection created(ImageRef... images) {
        return service.create(user, newCollection("digest", images)).collection();
    }

    /** The refusal's status and code ({@code code()} as text, whatever type carries it). */
    private static void assertRefused(int status, String code, Executable call) {
        ApiException e = assertThrows(ApiException.class, call);
        assertEquals(status, e.status());
        assertEquals(code, String.valueOf(e.code()));
    }

    @Nested
    class Create {
        @Test
        void aReplayIsTheCollectionAsStoredAndNotNew() {
            NewCollection collection = newCollection("digest-a", a);
            CollectionService.Created first = service.create(user, collection);
            CollectionService.Created replay = service.create(user, collection);
            assertTrue(first.isNew());
            assertFalse(replay.isNew());
            assertEquals(first.collection(), replay.collection());
        }

        @Test
        void otherContentUnderATakenIdIsAConflictAndChangesNothing() {
            NewCollection collection = newCollection("digest-a", a);
            Collection stored = service.create(user, collection).collection();
            NewCollection other = new NewCollection(collection.collectionId(), collection.timestamp(), List.of(b), "digest-b");
            assertRefused(409, "COLLECTION_EXISTS", () -> service.create(user, other));
            assertEquals(stored, service.get(user, collection.collectionId()));
        }
    }

    @Nested
    class Append {
        @Test
        void aRetriedAppendAddsNothingTwice() {
            Collection collection = created(a);
            List<ImageRef> more = List.of(b, c);
            AppendResult first = service.append(user, collection.collectionId(), more, Preconditions.NONE);
            AppendResult retry = service.append(user, collection.collectionId(), more, Preconditions.NONE);
            assertEquals(2, first.appended());
            assertEquals(0, retry.appended());
            assertEquals(3, retry.imageCount());
            assertEquals(first.tag(), retry.tag(), "the retry wrote nothing");
        }

        @Test
        void anIdThereWithAnotherUrlRefusesTheWholeRequest() {
            Collection collection = created(a);
            List<ImageRef> clash = List.of(b, new ImageRef(a.imageId(), "https://example.com/other.jpg"));
            assertRefused(409, "IMAGE_ID_CONFLICT", () -> service.append(user, collection.collectionId(), clash, Preconditions.NONE));
            assertEquals(List.of(a), service.get(user, collection.collectionId()).images());
        }

        @Test
        void pastTheCollectionsBoundIs413() {
            Collection collection = created(a, b);
            List<ImageRef> two = List.of(c, image("d"));
            assertRefused(413, "COLLECTION_TOO_LARGE", () -> service.append(user, collection.collectionId(), two, Preconditions.NONE));
            assertEquals(2, service.get(user, collection.collectionId()).imageCount());
        }

        @Test
        void toNoCollectionIs404() {
            assertRefused(404, "COLLECTION_NOT_FOUND", () -> service.append(user, Ids.generate(), List.of(a), Preconditions.NONE));
        }
    }

    @Nested
    class Read {
        @Test
        void anImageIsFoundWithItsPositionAndItsCollectionsTag() {
            Collection collection = created(a, b);
            ImageInCollection found = service.getImage(user, collection.collectionId(), b.imageId());
            assertEquals(new ImageInCollection(collection.collectionId(), b, 1, collection.tag()), found);
        }

        @Test
        void anImageNotInTheCollectionIs404() {
            Collection collection = created(a);
            assertRefused(404, "IMAGE_NOT_FOUND", () -> service.getImage(user, collection.collectionId(), Ids.generate()));
        }

        @Test
        void theCallersCurrentCopyIsNotModifiedAndAnOlderOneIsRead() {
            Collection collection = created(a);
            Preconditions current = new Preconditions(Optional.empty(), Optional.of(VersionMatch.oneOf(Set.of(collection.tag()))));
            assertTrue(service.get(user, collection.collectionId(), current).notModified());
            AppendResult changed = service.append(user, collection.collectionId(), List.of(b), Preconditions.NONE);
            CollectionService.Read<Collection> read = service.get(user, collection.collectionId(), current);
            assertFalse(read.notModified());
            assertEquals(changed.tag(), read.tag());
        }

        @Test
        void anIfMatchNamingAnotherStateIs412() {
            Collection collection = created(a);
            Preconditions other = Preconditions.pinnedTo(collection.tag().next());
            assertRefused(412, "PRECONDITION_FAILED", () -> service.get(user, collection.collectionId(), other));
        }
    }

    @Nested
    class Reorder {
        @Test
        void theNewOrderIsStoredUnderTheNextVersion() {
            Collection collection = created(a, b);
            Collection reordered = service.reorder(user, collection.collectionId(), List.of(b.imageId(), a.imageId()), Preconditions.NONE);
            assertEquals(List.of(b, a), reordered.images());
            assertEquals(collection.tag().next(), reordered.tag());
            assertEquals(reordered, service.get(user, collection.collectionId()));
        }

        @Test
        void theCurrentOrderIsANoOpThatKeepsTheVersion() {
            Collection collection = created(a, b);
            assertEquals(collection, service.reorder(user, collection.collectionId(), List.of(a.imageId(), b.imageId()), Preconditions.NONE));
        }

        @Test
        void idsThatAreNotExactlyTheCollectionsAreAConflict() {
            Collection collection = created(a, b);
            assertRefused(409, "IMAGE_SET_MISMATCH",
                    () -> service.reorder(user, collection.collectionId(), List.of(a.imageId(), a.imageId()), Preconditions.NONE));
            assertRefused(409, "IMAGE_SET_MISMATCH",
                    () -> service.reorder(user, collection.collectionId(), List.of(a.imageId()), Preconditions.NONE));
        }
    }

    @Nested
    class Delete {
        @Test
        void removingAnImageKeepsTheOthersInOrder() {
            Collection collection = created(a, b, c);
            CollectionService.ImageRemoval removal = service.deleteImage(user, collection.collectionId(), b.imageId(), Preconditions.NONE);
            assertEquals(new RemoveResult(collection.collectionId(), 1, 2, collection.tag().next()), removal.result());
            assertEquals(b, removal.image(), "the image removed, whose object goes next");
            assertEquals(List.of(a, c), service.get(user, collection.collectionId()).images());
        }

        @Test
        void aDeletedCollectionIs404AfterwardsAndForASecondDelete() {
            Collection collection = created(a);
            service.deleteCollection(user, collection.collectionId(), Preconditions.NONE);
            assertRefused(404, "COLLECTION_NOT_FOUND", () -> service.get(user, collection.collectionId()));
            assertRefused(404, "COLLECTION_NOT_FOUND", () -> service.deleteCollection(user, collection.collectionId(), Preconditions.NONE));
        }
    }
}
