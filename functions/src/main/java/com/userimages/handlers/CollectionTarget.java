package com.userimages.handlers;

import com.userimages.core.http.ApiRequest;
import com.userimages.core.http.EntityTags;
import com.userimages.core.model.Preconditions;

/**
 * Who asks, about which collection, under which preconditions: what a route that names one
 * collection (and no image) reads from its request before its body.
 */
record CollectionTarget(String userId, String collectionId, Preconditions preconditions) {
    /** Read in the order their errors are answered: the caller (401), the id (400), the preconditions (400). */
    static CollectionTarget of(ApiRequest request) {
        String userId = request.caller().userId();
        String collectionId = request.pathId("collectionId");
        return new CollectionTarget(userId, collectionId, EntityTags.preconditions(request));
    }
}
