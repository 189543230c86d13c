package com.userimages.core.service;

import com.userimages.core.data.CollectionRepository;
import com.userimages.core.model.IndexKey;
import com.userimages.core.pagination.PageTokenCodec;
import com.userimages.core.pagination.PageReader;
import com.userimages.core.pagination.ReadBudget;
import com.userimages.core.pagination.ListPage;
import com.userimages.core.pagination.PageRequest;

/** {@code GET /collections}: verifies the page token, reads one exact page, signs the next token. */
public final class ListCollectionsService {
    private final PageTokenCodec codec;
    private final PageReader reader;

    public ListCollectionsService(CollectionRepository repository, PageTokenCodec codec, ReadBudget budget) {
        this.codec = codec;
        this.reader = new PageReader(repository, budget);
    }

    public ListPage list(String userId, PageRequest request) {
        IndexKey start = null;
        if (request.nextToken() != null) {
            start = codec.decode(request.nextToken(), userId, request.query());
            // A genuine token always lies inside the range it is bound to; DynamoDB would refuse one
            // that does not, and that refusal must never look like a server failure.
            if (!request.query().inRange(start.timestamp())) throw PageTokenCodec.invalid();
        }
        PageReader.Page page = reader.read(userId, request.query(), start, request.limit());
        String next = page.next() == null ? null : codec.encode(userId, request.query(), page.next());
        return new ListPage(page.items(), request.limit(), next, page.partial(), page.queryCalls(), page.itemsEvaluated());
    }
}
