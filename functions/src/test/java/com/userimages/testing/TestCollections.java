package com.userimages.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Creates one user's collections through the API for the tests that need one in place, each create
 * body as the test writes it from the collection's id and its images' ids.
 */
public record TestCollections(TestApi api, String user, BiFunction<String, List<String>, String> createBody) {
    /** Collections created with the plain body: the id, and each image at {@code urlPrefix} followed by its id. */
    public static TestCollections withImageUrls(TestApi api, String user, String urlPrefix) {
        return new TestCollections(api, user, (id, imageIds) -> imageIds.stream()
                .map(imageId -> "{\"imageId\":\"" + imageId + "\",\"url\":\"" + urlPrefix + imageId + "\"}")
                .collect(Collectors.joining(",", "{\"imagesCollectionId\":\"" + id + "\",\"images\":[", "]}")));
    }

    /** A collection under a fresh id with this many images of fresh ids; the create must answer 201 with version 1's ETag. */
    public CreatedCollection create(int images) {
        String id = UUID.randomUUID().toString();
        List<String> imageIds = Stream.generate(() -> UUID.randomUUID().toString()).limit(images).toList();
        APIGatewayV2HTTPResponse created = api.create(user, createBody.apply(id, imageIds));
        Responses.expect(201, created);
        CreatedCollection collection = CreatedCollection.readBack(user, id, imageIds);
        assertEquals(collection.etag(1), created.getHeaders().get("etag"), "a create answers version 1's ETag");
        return collection;
    }
}
