package com.userimages.core.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.core.model.IndexKey;
import com.userimages.core.model.ListSelection;
import com.userimages.core.model.ListedCollection;
import com.userimages.core.model.SortOrder;
import com.userimages.core.model.Timestamps;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.SeedData;
import com.userimages.testing.SeedData.Seed;
import com.userimages.testing.TestApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The entry point to the page reader's tests: its cursor, its budget and its Query sizes, read
 * directly on the test engine. The same rules as the walks of list-page see them (tokens, partial
 * pages across a walk) are in {@link ReadBudgetTest}, {@link QueryCallsPerPageTest} and
 * {@link ListPagePropertyTest}.
 */
@ExtendWith(DynamoDbExtension.class)
class PageReaderTest {
    private static final Instant BASE = Instant.parse("2025-09-01T00:00:00Z");
    private static final ListSelection ALL = new ListSelection(SortOrder.DESC, null, null, 0);
    private static final ListSelection WITH_IMAGES = new ListSelection(SortOrder.DESC, null, null, 1);

    private final String user = TestApi.newUser();

    private static PageReader reader(ReadBudget budget) {
        return new PageReader(DynamoDbExtension.components().collectionRepository(), budget);
    }

    private static PageReader withTheDefaultBudget() {
        return reader(ReadBudget.from(DynamoDbExtension.settings()));
    }

    /** Stores {@code count} collections, one second apart; {@code withImages} says which have two images. */
    private List<Seed> store(int count, IntPredicate withImages) {
        List<Seed> seeds = new ArrayList<>();
        for (int i = 0; i < count; i++) seeds.add(Seed.of(Timestamps.format(BASE.plusSeconds(i)), withImages.test(i) ? 2 : 0));
        SeedData.put(user, seeds);
        return seeds;
    }

    private static List<String> ids(List<ListedCollection> items) {
        return items.stream().map(ListedCollection::collectionId).toList();
    }

    @Nested
    class Cursor {
        @Test
        void aFullPagesCursorIsItsLastItemsOwnKey() {
            List<Seed> seeds = store(5, i -> true);
            PageReader.Page page = withTheDefaultBudget().read(user, ALL, null, 3);
            assertFalse(page.partial());
            assertEquals(List.of(seeds.get(4).collectionId(), seeds.get(3).collectionId(), seeds.get(2).collectionId()), ids(page.items()));
            assertEquals(page.items().getLast().indexKey(), page.next());
        }

        @Test
        void readingFromACursorStartsRightAfterIt() {
            List<Seed> seeds = store(4, i -> true);
            IndexKey afterTheNewest = new IndexKey(seeds.get(3).collectionId(), seeds.get(3).timestamp());
            PageReader.Page page = withTheDefaultBudget().read(user, ALL, afterTheNewest, 2);
            assertEquals(List.of(seeds.get(2).collectionId(), seeds.get(1).collectionId()), ids(page.items()));
        }

        @Test
        void aPageThatExhaustedTheRangeHasNoCursor() {
            List<Seed> seeds = store(3, i -> true);
            PageReader.Page page = withTheDefaultBudget().read(user, ALL, null, 3);
            assertEquals(seeds.size(), page.items().size());
            assertNull(page.next(), "nothing more matches");
            assertFalse(page.partial());
        }
    }

    @Nested
    class Budget {
        @Test
        void theItemBudgetIsSpentExactlyAndNeverExceeded() {
            store(12, i -> false);
            PageReader.Page page = reader(new ReadBudget(7, 10)).read(user, WITH_IMAGES, null, 2);
            assertTrue(page.partial());
            assertEquals(List.of(), page.items());
            assertEquals(7, page.itemsEvaluated(), "the last Query is cut to what the budget has left");
            assertNotNull(page.next(), "a partial page resumes where DynamoDB stopped");
        }

        @Test
        void aPartialPagesCursorIsTheLastEntryEvaluatedEvenPastItsLastMatch() {
            List<Seed> seeds = store(9, i -> i % 3 == 1);
            PageReader.Page page = reader(new ReadBudget(100, 1)).read(user, WITH_IMAGES, null, 2);
            // One Query of limit + 1 = 3 entries, newest first: 8 and 6 do not match, 7 does.
            assertTrue(page.partial());
            assertEquals(List.of(seeds.get(7).collectionId()), ids(page.items()));
            assertEquals(new IndexKey(seeds.get(6).collectionId(), seeds.get(6).timestamp()), page.next(),
                    "the walk resumes after what was evaluated, not after the last match, so it moves forward");
        }
    }

    @Nested
    class QuerySize {
        @Test
        void theFirstQueryAssumesEveryEntryMatches() {
            assertEquals(21, PageReader.nextQuerySize(21, 0, 0));
        }

        @Test
        void whileNothingMatchedTheQueriesGrowGeometrically() {
            assertEquals(2L * 21 * 21, PageReader.nextQuerySize(21, 0, 21));
            assertEquals(2L * 21 * 903, PageReader.nextQuerySize(21, 0, 903));
        }

        @Test
        void laterQueriesScaleByTheSelectivitySeenWithHeadroom() {
            // 10 matches in 100 entries: 11 more need about 110, and a quarter more for a sparser stretch.
            assertEquals(138, PageReader.nextQuerySize(11, 10, 100));
            assertEquals(5, PageReader.nextQuerySize(4, 50, 50), "all matching: the needed count, rounded up with headroom");
        }
    }
}
