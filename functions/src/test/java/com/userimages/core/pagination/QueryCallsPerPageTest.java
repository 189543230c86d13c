package com.userimages.core.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Measures Query round trips per page of 20 with the default budget, at 100 % and 1 % selectivity
 * (printed for the record), and checks what API.md promises for them: exact walks, no partial page
 * (the default budget is sized for 1 %), never more calls than the budget. Nothing about time is asserted.
 */
@ExtendWith(DynamoDbExtension.class)
class QueryCallsPerPageTest {
    private static final Instant BASE = Instant.parse("2025-01-01T00:00:00Z");
    private static final int LIMIT = PageRequest.DEFAULT_LIMIT;

    private final ListCollectionsService service = new ListCollectionsService(DynamoDbExtension.components().collectionRepository(),
            new PageTokenCodec(PageTokenSecrets.of(DynamoDbExtension.PAGE_TOKEN_SECRET, null)), ReadBudget.from(DynamoDbExtension.settings()));

    @Test
    void everyCollectionMatching() {
        List<Integer> calls = measure("100 %", 200, 1);
        assertTrue(calls.stream().allMatch(c -> c == 1), "an unfiltered page is one Query: " + calls);
    }

    @Test
    void oneCollectionInAHundredMatching() {
        List<Integer> calls = measure("1 %", 6_000, 100);
        assertTrue(calls.stream().allMatch(c -> c <= ReadBudget.from(DynamoDbExtension.settings()).maxQueryCalls()), calls.toString());
    }

    /** Stores {@code total} collections of which every {@code every}-th has images, walks minImages=1, returns calls per page. */
    private List<Integer> measure(String label, int total, int every) {
        String user = TestApi.newUser();
        List<Seed> seeds = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            seeds.add(Seed.of(Timestamps.format(BASE.plusSeconds(i)), i % every == 0 ? 1 : 0));
        }
        SeedData.put(user, seeds);
        List<String> expected = seeds.reversed().stream().filter(s -> s.imageCount() > 0).map(Seed::collectionId).toList();

        ListSelection query = new ListSelection(SortOrder.DESC, null, null, 1);
        List<Integer> callsPerPage = new ArrayList<>();
        List<Integer> evaluatedPerPage = new ArrayList<>();
        List<String> walked = new ArrayList<>();
        String token = null;
        do {
            ListPage page = service.list(user, new PageRequest(LIMIT, query, token));
            assertFalse(page.partial(), "the default budget covers a page of 20 at 1 %");
            callsPerPage.add(page.queryCalls());
            evaluatedPerPage.add(page.itemsEvaluated());
            page.items().stream().map(ListedCollection::collectionId).forEach(walked::add);
            token = page.nextToken();
        } while (token != null);
        assertEquals(expected, walked);

        System.out.printf("list-page, limit %d, %s selectivity (%d of %d collections match): Query calls per page %s, "
                        + "items evaluated per page %s%n", LIMIT, label, expected.size(), total, callsPerPage, evaluatedPerPage);
        return callsPerPage;
    }
}
