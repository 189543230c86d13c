package com.userimages.core.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.userimages.core.error.ApiException;
import com.userimages.core.model.Bounds;
import com.userimages.core.model.Ids;
import com.userimages.core.model.AppendEntry;
import com.userimages.core.model.ImageRef;
import com.userimages.core.storage.UploadIds;
import com.userimages.core.model.NewCollection;
import com.userimages.core.model.Timestamps;
import com.userimages.core.model.Urls;
import java.time.Clock;
import java.util.List;

/**
 * The body parsers (JSON, then create's and append's field validation) against any body, as text
 * or base64: a body is either refused with a 4xx ApiException or gives values that hold every
 * bound (UUID ids, valid urls, at most 100 images). Regression inputs: CollectionRequestsFuzzTestInputs/.
 */
class CollectionRequestsFuzzTest {
    private static final CollectionRequests REQUESTS = new CollectionRequests(new Bounds(100, 1000), 10, Clock.systemUTC());

    @FuzzTest(maxDuration = "3m")
    void aBodyIsParsedOrRefusedWith4xx(byte[] input) {
        // The first byte picks create or append and text or base64; the rest is the body.
        if (input.length == 0) return;
        boolean base64 = (input[0] & 1) != 0;
        boolean create = (input[0] & 2) != 0;
        byte[] rest = java.util.Arrays.copyOfRange(input, 1, input.length);
        String body = base64 ? java.util.Base64.getEncoder().encodeToString(rest) : new String(rest, java.nio.charset.StandardCharsets.UTF_8);
        APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withBody(body).withIsBase64Encoded(base64).build();
        try {
            var json = new ApiRequest(event).jsonObjectBody();
            List<ImageRef> images;
            if (create) {
                NewCollection collection = REQUESTS.parseCreate(json);
                assertTrue(Ids.parse(collection.collectionId(), "id").equals(collection.collectionId()));
                assertTrue(Timestamps.normalize(collection.timestamp(), "t").equals(collection.timestamp()));
                images = collection.images();
            } else {
                List<AppendEntry> entries = REQUESTS.parseAppend(json);
                assertFalse(entries.isEmpty());
                for (AppendEntry entry : entries) {
                    if (entry instanceof AppendEntry.Upload upload) assertTrue(UploadIds.isWellFormed(upload.uploadId()));
                }
                images = entries.stream().filter(e -> e instanceof AppendEntry.External)
                        .map(e -> ((AppendEntry.External) e).image()).toList();
            }
            assertTrue(images.size() <= 100);
            for (ImageRef image : images) {
                assertTrue(Ids.parse(image.imageId(), "id").equals(image.imageId()));
                assertTrue(Urls.validate(image.url()).equals(image.url()));
            }
        } catch (ApiException e) {
            assertTrue(e.status() >= 400 && e.status() < 500, e.code());
        }
    }
}
