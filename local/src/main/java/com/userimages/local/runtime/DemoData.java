package com.userimages.local.runtime;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.RouteScopes;
import com.userimages.local.gateway.ConsoleText;
import com.userimages.local.engine.StartupException;

import java.util.List;
import java.util.Map;

/**
 * {@code --seed demo}: a few collections for the development issuer's user, so that the first
 * {@code GET /collections} and the docs page show something. Each is created by the append-collection
 * function from a fixed request (fixed ids, timestamps and images), so a restart on the same
 * {@code --db-path} replays the same request and the function itself answers "already there" (200):
 * nothing is duplicated, and what the developer changed in a collection since is left as it is.
 */
public final class DemoData {
    public record Image(String imageId, String url) {}

    public record Collection(String imagesCollectionId, String timestamp, List<Image> images) {}

    /** Fixed, in the past, and of three shapes a listing shows differently: several images, one, none. */
    public static final List<Collection> COLLECTIONS = List.of(
            new Collection("dec0de00-0000-4000-8000-000000000001", "2026-06-21T09:30:00Z", List.of(
                    new Image("dec0de00-0000-4000-8000-000000000101", "https://example.com/demo/beach.jpg"),
                    new Image("dec0de00-0000-4000-8000-000000000102", "https://example.com/demo/dunes.jpg"),
                    new Image("dec0de00-0000-4000-8000-000000000103", "https://example.com/demo/sunset.jpg"))),
            new Collection("dec0de00-0000-4000-8000-000000000002", "2026-09-05T14:00:00Z", List.of(
                    new Image("dec0de00-0000-4000-8000-000000000201", "https://example.com/demo/cat.jpg"))),
            new Collection("dec0de00-0000-4000-8000-000000000003", "2026-11-28T18:45:00Z", List.of()));

    private DemoData() {}

    /**
     * @param sub the user the collections belong to
     * @return a one-line account for the banner
     */
    public static String seed(FunctionInvoker invoker, String sub) throws StartupException {
        int added = 0;
        // A user's scope as DATA_SCOPES names it, so the function's own check lets the seeding through.
        String scope = RouteScopes.from(invoker.settings()).userScopeClaim();
        for (Collection collection : COLLECTIONS) {
            APIGatewayV2HTTPEvent event = StartupEvents.of(ApiRoute.CREATE_COLLECTION, ApiRoute.CREATE_COLLECTION.pathTemplate(),
                    Map.of(), body(collection), sub, scope);
            FunctionInvoker.Invocation invocation = invoker.invoke(ApiFunction.APPEND_COLLECTION, event);
            if (invocation.failed()) {
                throw new StartupException("could not add the demo data: append-collection failed: " + invocation.error(),
                        invocation.error());
            }
            int status = invocation.response().getStatusCode();
            switch (status) {
                case 201 -> added++;
                // A replay of the same request, or the developer re-created the id with other content: theirs stays.
                case 200, 409 -> { }
                default -> throw new StartupException("could not add the demo data: append-collection answered " + status + " "
                        + ConsoleText.escape(invocation.response().getBody(), 300));
            }
        }
        int total = COLLECTIONS.size();
        return total + " collections for " + sub + (added == total ? ", added"
                : added == 0 ? ", there already" : " (" + added + " added, " + (total - added) + " there already)");
    }

    static String body(Collection collection) {
        ObjectNode body = LambdaJson.MAPPER.createObjectNode()
                .put("imagesCollectionId", collection.imagesCollectionId())
                .put("timestamp", collection.timestamp());
        ArrayNode images = body.putArray("images");
        for (Image image : collection.images()) images.addObject().put("imageId", image.imageId()).put("url", image.url());
        return body.toString();
    }
}
