package com.userimages.core.pagination;

import com.userimages.core.data.CollectionRepository;
import com.userimages.core.data.TimestampIndexSlice;
import com.userimages.core.model.IndexKey;
import com.userimages.core.model.ListSelection;
import com.userimages.core.model.ListedCollection;
import com.userimages.core.observability.RequestMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills one page from the LSI, hiding that DynamoDB applies {@code Limit} before the filter.
 *
 * <p>It queries until it holds {@code limit} matches and knows of one more (the read-ahead match),
 * or the key range is exhausted. Only then is the page exact: a full page's cursor is the last
 * returned entry's own key, so the next page starts with the read-ahead match and is never empty; a
 * page that exhausted the range has no cursor at all. If the budget runs out first, the page is
 * partial and its cursor is the last key DynamoDB evaluated: every match up to there is on the
 * page, so the walk resumes without skipping anything and always moves forward.
 */
public final class PageReader {
    /** Headroom over the observed selectivity, so a slightly sparser stretch does not cost another round trip. */
    private static final double SIZE_HEADROOM = 1.25;

    private final CollectionRepository repository;
    private final ReadBudget budget;

    public PageReader(CollectionRepository repository, ReadBudget budget) {
        this.repository = repository;
        this.budget = budget;
    }

    /**
     * One page: at most {@code limit} items, the cursor to resume after (null when nothing more
     * matches), whether the budget cut it short, and what it cost.
     */
    public record Page(List<ListedCollection> items, IndexKey next, boolean partial, int queryCalls, int itemsEvaluated) {
        public Page {
            items = List.copyOf(items);
        }
    }

    public Page read(String userId, ListSelection query, IndexKey start, int limit) {
        int wanted = limit + 1;
        List<ListedCollection> matches = new ArrayList<>(wanted);
        IndexKey position = start;
        int calls = 0;
        int evaluated = 0;
        while (true) {
            int remaining = budget.maxItemsEvaluated() - evaluated;
            if (calls >= budget.maxQueryCalls() || remaining <= 0) {
                // Fewer than limit + 1 matches in hand, so all of them fit on the page; whether more
                // follow is unknown, hence partial, and the walk resumes where DynamoDB stopped.
                RequestMetrics.partialPage();
                return new Page(matches, position, true, calls, evaluated);
            }
            int size = (int) Math.min(remaining, nextQuerySize(wanted - matches.size(), matches.size(), evaluated));
            TimestampIndexSlice slice = repository.queryByTimestamp(userId, query, position, size);
            calls++;
            evaluated += slice.scannedCount();
            matches.addAll(slice.items());
            if (matches.size() >= wanted) {
                // Matches past limit + 1 are dropped: the cursor is the last returned entry, so they come again.
                List<ListedCollection> page = matches.subList(0, limit);
                return new Page(page, page.getLast().indexKey(), false, calls, evaluated);
            }
            if (slice.lastEvaluatedKey() == null) {
                return new Page(matches, null, false, calls, evaluated);
            }
            position = slice.lastEvaluatedKey();
        }
    }

    /**
     * How many entries the next Query should evaluate to find {@code needed} more matches: the first
     * call assumes every entry matches (limit + 1, so an unfiltered page takes one round trip); later
     * calls scale by the selectivity seen so far, and while nothing has matched, assume it is below
     * half of one in everything seen, which grows the calls geometrically.
     */
    static long nextQuerySize(int needed, int matched, int evaluated) {
        if (evaluated == 0) return needed;
        if (matched == 0) return (long) needed * 2L * evaluated;
        return Math.max(needed, (long) Math.ceil(needed * ((double) evaluated / matched) * SIZE_HEADROOM));
    }
}
