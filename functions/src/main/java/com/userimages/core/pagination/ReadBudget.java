package com.userimages.core.pagination;

import com.userimages.contract.Setting;
import com.userimages.contract.Settings;

/**
 * What one list-page request may read (API.md): entries evaluated by DynamoDB, filtered out or not
 * (the sum of {@code ScannedCount}), and Query calls.
 */
public record ReadBudget(int maxItemsEvaluated, int maxQueryCalls) {
    public ReadBudget {
        if (maxItemsEvaluated < 1 || maxQueryCalls < 1) {
            throw new IllegalArgumentException("a read budget must allow at least one call and one item");
        }
    }

    public static ReadBudget from(Settings settings) {
        return new ReadBudget(settings.intValue(Setting.LIST_MAX_ITEMS_EVALUATED), settings.intValue(Setting.LIST_MAX_QUERY_CALLS));
    }
}
