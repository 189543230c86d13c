package com.userimages.core.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.core.model.ListSelection;
import com.userimages.core.model.ListedCollection;
import com.userimages.core.model.SortOrder;
import com.userimages.core.model.Timestamps;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.SeedData;
import com.userimages.testing.SeedData.Seed;
import com.userimages.core.service.ListCollectionsService;
import com.userimages.testing.TestApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The read budget's edge cases, one by one: what a partial page holds and where its token resumes. */
@ExtendWith(DynamoDbExtension.class)
class ReadBudgetTest {
    private static final Instant BASE = Instant.parse("2025-06-01T00:00:00Z");
    private static final ListSelection WITH_IMAGES = new ListSelection(SortOrder.DESC, null, null, 1);

    private final String user = TestApi.newUser();

    @Test
    void budgetSpentWithAFullPageInHandIsPartialBecauseWhetherMoreMatchIsUnknown() {
        List<Seed> seeds = store(10, i -> true);
        ListCollectionsService service = service(new ReadBudget(5, 10));

        ListPage first = service.list(user, new PageRequest(5, WITH_IMAGES, null));
        assertEquals(5, first.items().size());
        assertTrue(first.partial());
        assertNotNull(first.nextToken());

        ListPage second = service.list(user, new PageRequest(5, WITH_IMAGES, first.nextToken()));
        assertEquals(5, second.items().size());
        assertTrue(second.partial(), "the range's end was not seen within the budget");

        // After a partial page the walk may end on an empty page: nothing else could have told.
        ListPage last = service.list(user, new PageRequest(5, WITH_IMAGES, second.nextToken()));
        assertEquals(List.of(), last.items());
        assertFalse(last.partial());
        assertNull(last.nextToken());
        assertEquals(seedIds(seeds.reversed()), ids(concat(first.items(), second.items())));
    }

    @Test
    void budgetSpentBeforeAnyMatchGivesEmptyPartialPagesThatStillMoveForward() {
        // The only match is the oldest of 50: newest first, it comes last.
        List<Seed> seeds = store(50, i -> i == 0);
        ListCollectionsService service = service(new ReadBudget(10, 1));

        List<String> tokens = new ArrayList<>();
        List<ListedCollection> walked = new ArrayList<>();
        String token = null;
        int emptyPartial = 0;
        do {
            ListPage page = service.list(user, new PageRequest(3, WITH_IMAGES, token));
            assertTrue(page.queryCalls() <= 1 && page.itemsEvaluated() <= 10);
            if (page.partial() && page.items().isEmpty()) emptyPartial++;
            walked.addAll(page.items());
            token = page.nextToken();
            if (token != null) {
                assertFalse(tokens.contains(token), "a token repeated: the walk stood still");
                tokens.add(token);
            }
        } while (token != null && tokens.size() < 100);
        assertTrue(emptyPartial >= 4, "50 entries at 10 per request: at least four empty partial pages, was " + emptyPartial);
        assertEquals(List.of(seeds.getFirst().collectionId()), ids(walked));
    }

    @Test
    void callBudgetAloneAlsoMakesPagesPartial() {
        List<Seed> seeds = store(40, i -> i % 10 == 0);
        ListCollectionsService service = service(new ReadBudget(2_500, 1));
        ListPage first = service.list(user, new PageRequest(2, WITH_IMAGES, null));
        // One call of limit + 1 entries: at 10 % selectivity not enough for a page.
        assertEquals(1, first.queryCalls());
        assertEquals(3, first.itemsEvaluated());
        assertTrue(first.partial());
        List<ListedCollection> walked = new ArrayList<>(first.items());
        String token = first.nextToken();
        while (token != null) {
            ListPage page = service.list(user, new PageRequest(2, WITH_IMAGES, token));
            walked.addAll(page.items());
            token = page.nextToken();
        }
        assertEquals(seedIds(seeds.reversed().stream().filter(s -> s.imageCount() > 0).toList()), ids(walked));
    }

    @Test
    void withEnoughBudgetThePageReadsAheadOneMatchAndItsCursorIsTheLastReturnedItem() {
        store(30, i -> i % 3 == 0);
        ListCollectionsService service = service(ReadBudget.from(DynamoDbExtension.settings()));
        ListPage first = service.list(user, new PageRequest(4, WITH_IMAGES, null));
        assertFalse(first.partial());
        assertEquals(4, first.items().size());
        ListPage second = service.list(user, new PageRequest(1, WITH_IMAGES, first.nextToken()));
        // The read-ahead match of the first page is the first item of the next one.
        assertNotEquals(first.items().getLast().collectionId(), second.items().getFirst().collectionId());
        assertTrue(second.items().getFirst().timestamp().compareTo(first.items().getLast().timestamp()) < 0);
    }

    private List<Seed> store(int count, IntPredicate withImages) {
        List<Seed> seeds = new ArrayList<>();
        for (int i = 0; i < count; i++) seeds.add(Seed.of(Timestamps.format(BASE.plusSeconds(i)), withImages.test(i) ? 2 : 0));
        SeedData.put(user, seeds);
        return seeds;
    }

    private static ListCollectionsService service(ReadBudget budget) {
        return new ListCollectionsService(DynamoDbExtension.components().collectionRepository(),
                new PageTokenCodec(PageTokenSecrets.of(DynamoDbExtension.PAGE_TOKEN_SECRET, null)), budget);
    }

    private static List<ListedCollection> concat(List<ListedCollection> a, List<ListedCollection> b) {
        List<ListedCollection> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static List<String> ids(List<ListedCollection> items) {
        return items.stream().map(ListedCollection::collectionId).toList();
    }

    private static List<String> seedIds(List<Seed> seeds) {
        return seeds.stream().map(Seed::collectionId).toList();
    }
}
