package com.userimages.core.data;

import com.userimages.core.model.IndexKey;
import com.userimages.core.model.ListedCollection;
import java.util.List;

/**
 * One Query call's outcome on the {@code byTimestamp} LSI ({@link CollectionRepository#queryByTimestamp}):
 * the entries that passed the filter, where DynamoDB stopped ({@code lastEvaluatedKey}, nullable:
 * null when the key range is exhausted) and how many entries it evaluated, filter or not.
 */
public record TimestampIndexSlice(List<ListedCollection> items, IndexKey lastEvaluatedKey, int scannedCount) {
    public TimestampIndexSlice {
        items = List.copyOf(items);
    }
}
