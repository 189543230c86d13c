package com.userimages.handlers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.userimages.contract.ApiRoute;
import com.userimages.core.error.ApiException;
import com.userimages.core.http.ApiRequest;
import com.userimages.core.http.GatewayEvents;
import com.userimages.core.model.CollectionTag;
import com.userimages.core.model.Preconditions;
import org.junit.jupiter.api.Test;

/** The caller, the collection id and the preconditions, each refused in that order when several are bad. */
class CollectionTargetTest {
    private static final String ID = "0e9b3d1c-7c2a-4f3e-9b1d-2a4c6e8f0a1b";

    @Test
    void readsTheCallerTheCanonicalIdAndThePreconditions() {
        CollectionTarget target = CollectionTarget.of(new ApiRequest(GatewayEvents.request(ApiRoute.GET_COLLECTION).as("alice")
                .path("collectionId", ID.toUpperCase()).header("if-match", "\"3.ab12cd34\"").build()));
        assertEquals("alice", target.userId());
        assertEquals(ID, target.collectionId());
        assertEquals(Preconditions.pinnedTo(new CollectionTag(3, "ab12cd34")), target.preconditions());
    }

    @Test
    void withEverythingBadTheCallerIsRefusedFirstThenTheIdThenThePreconditions() {
        GatewayEvents noCaller = GatewayEvents.request(ApiRoute.GET_COLLECTION).path("collectionId", "x").header("if-match", "bad");
        assertEquals(401, refusal(noCaller).status());
        GatewayEvents badId = GatewayEvents.request(ApiRoute.GET_COLLECTION).as("alice").path("collectionId", "x").header("if-match", "bad");
        assertEquals("INVALID_ID", refusal(badId).code());
        GatewayEvents badPrecondition = GatewayEvents.request(ApiRoute.GET_COLLECTION).as("alice").path("collectionId", ID)
                .header("if-match", "bad");
        assertEquals("INVALID_PRECONDITION", refusal(badPrecondition).code());
    }

    private static ApiException refusal(GatewayEvents event) {
        return assertThrows(ApiException.class, () -> CollectionTarget.of(new ApiRequest(event.build())));
    }
}
