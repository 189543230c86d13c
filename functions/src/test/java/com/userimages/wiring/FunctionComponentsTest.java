package com.userimages.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.Setting;
import com.userimages.core.http.GatewayEvents;
import com.userimages.core.model.Bounds;
import com.userimages.core.model.Timestamps;
import com.userimages.handlers.AppendCollectionHandler;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.TestApi;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The entry point to the wiring's tests: what a components object shares, what its settings and
 * collaborators reach. A malformed {@code LOG_LEVEL} failing the wiring is in {@code RequestLineTest}
 * (with the sink the request lines go to), malformed scope settings in {@code RouteScopeCheckTest},
 * the local server's settings per function in local's {@code FunctionSettingsTest}.
 */
@ExtendWith(DynamoDbExtension.class)
class FunctionComponentsTest {
    @Nested
    class Clients {
        @Test
        void oneDynamoDbClientPerComponentsObject() {
            FunctionComponents components = FunctionComponents.of(DynamoDbExtension.settings());
            assertSame(components.dynamoDb(), components.dynamoDb());
            assertNotSame(components.dynamoDb(), FunctionComponents.of(DynamoDbExtension.settings()).dynamoDb(),
                    "nothing is shared through a static");
        }

        @Test
        void aGivenClientIsUsedAsItIs() {
            FunctionComponents components = FunctionComponents.builder(DynamoDbExtension.settings())
                    .dynamoDb(DynamoDbExtension.client()).build();
            assertSame(DynamoDbExtension.client(), components.dynamoDb());
        }
    }

    @Nested
    class SnapStartPriming {
        @Test
        void onlyLambdasInitBuildsComponentsWhoseHandlersPrime() {
            // The local server and the tests build theirs: their handlers must never register a checkpoint hook.
            assertFalse(FunctionComponents.of(DynamoDbExtension.settings()).primesBeforeSnapshot());
            assertFalse(FunctionComponents.builder(DynamoDbExtension.settings()).build().primesBeforeSnapshot());
            assertTrue(FunctionComponents.forLambda(ApiFunction.GET_ITEM).primesBeforeSnapshot());
        }
    }

    @Nested
    class Settings {
        @Test
        void componentsWithOtherSettingsShareTheJvmWithoutAffectingEachOther() {
            FunctionComponents small = FunctionComponents.of(DynamoDbExtension.settings()
                    .with(Setting.MAX_IMAGES_PER_REQUEST, "2").with(Setting.MAX_IMAGES_PER_COLLECTION, "7"));
            assertEquals(new Bounds(2, 7), small.bounds());
            assertEquals(new Bounds(100, 1000), DynamoDbExtension.components().bounds(), "API.md's defaults");
        }
    }

    @Nested
    class Collaborators {
        @Test
        void theGivenClockStampsACollectionCreatedWithoutATimestamp() throws Exception {
            Clock fixed = Clock.fixed(Instant.parse("2031-02-03T04:05:06.789Z"), ZoneOffset.UTC);
            FunctionComponents components = FunctionComponents.builder(DynamoDbExtension.settings())
                    .dynamoDb(DynamoDbExtension.client()).clock(fixed).build();
            APIGatewayV2HTTPResponse response = new AppendCollectionHandler(components).handleRequest(
                    GatewayEvents.request(ApiRoute.CREATE_COLLECTION).as(TestApi.newUser()).body("{\"images\": []}").build(), null);
            assertEquals(201, response.getStatusCode(), response.getBody());
            assertEquals(Timestamps.now(fixed), new ObjectMapper().readTree(response.getBody()).path("timestamp").asText());
        }
    }
}
