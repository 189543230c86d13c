package com.userimages.handlers;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.userimages.contract.Setting;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.wiring.FunctionComponents;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The routed handlers' shared part: what each gives its SnapStart priming besides the priming request
 * (the route tables themselves are RouteTableTest's).
 */
@ExtendWith(DynamoDbExtension.class)
class RoutedHandlerTest {
    private static final List<Function<FunctionComponents, RoutedHandler>> READS = List.of(GetItemHandler::new, ListPageHandler::new);

    @Test
    void theReadsPrimeTheUrlSignerTheirUploadedImagesNeed() {
        for (var read : READS) {
            RoutedHandler handler = read.apply(DynamoDbExtension.components());
            assertEquals(1, handler.primingSteps().size(), handler.getClass().getSimpleName());
            assertDoesNotThrow(() -> handler.primingSteps().forEach(Runnable::run));
            // The step reaches the signer: without a bucket to sign for, it fails (and the hook logs and goes on).
            RoutedHandler unsigned = read.apply(FunctionComponents.builder(DynamoDbExtension.settings().with(Setting.IMAGES_BUCKET, ""))
                    .dynamoDb(DynamoDbExtension.client()).build());
            assertThrows(IllegalStateException.class, () -> unsigned.primingSteps().forEach(Runnable::run));
        }
    }

    @Test
    void theWritesNeedNothingButTheirPrimingRequest() {
        assertEquals(List.of(), new AppendCollectionHandler(DynamoDbExtension.components()).primingSteps());
        assertEquals(List.of(), new DeleteItemHandler(DynamoDbExtension.components()).primingSteps());
    }
}
