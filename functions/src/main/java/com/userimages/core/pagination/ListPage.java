package com.userimages.core.pagination;

import com.userimages.core.model.ListedCollection;
import java.util.List;

/**
 * One answered page: what API.md's response shows, plus what reading it cost (for measurement and
 * logs, never in the response).
 */
public record ListPage(List<ListedCollection> items, int limit, String nextToken, boolean partial,
                       int queryCalls, int itemsEvaluated) {
    public ListPage {
        items = List.copyOf(items);
    }
}
