package com.userimages.local.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.userimages.local.auth.DevelopmentIssuer;
import com.userimages.local.runtime.DemoData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --seed demo}: the printed token's user finds a few collections on the first
 * {@code GET /collections}; a restart on the same {@code --db-path} neither duplicates them nor
 * fails, and leaves what the developer changed in them as it is.
 */
class DemoDataServerIT {

    private static List<String> listedIds(InProcessServer local, String token) {
        List<String> ids = new ArrayList<>();
        String next = null;
        do {
            Http.Reply page = Http.get(local.base(), "/collections?limit=2" + (next == null ? "" : "&nextToken=" + next), token);
            assertEquals(200, page.status(), page.body());
            for (JsonNode item : page.json().path("items")) ids.add(item.path("imagesCollectionId").asText());
            next = page.json().path("pagination").path("nextToken").textValue();
        } while (next != null);
        return ids;
    }

    private static List<String> demoIdsNewestFirst() {
        return DemoData.COLLECTIONS.reversed().stream().map(DemoData.Collection::imagesCollectionId).toList();
    }

    @Test
    void theDevelopersCollectionsAreThereAndARestartKeepsThemOnceWithTheirChanges(@TempDir Path db) throws Exception {
        String first = DemoData.COLLECTIONS.getFirst().imagesCollectionId();
        try (InProcessServer local = InProcessServer.startWithRealHandlers("--seed", "demo", "--db-path", db.toString())) {
            assertEquals("3 collections for " + DevelopmentIssuer.DEVELOPER + ", added", local.server.demoStatus());
            assertTrue(LocalCli.banner(local.server, null).contains("\n  Demo:     3 collections for alice, added\n"),
                    LocalCli.banner(local.server, null));
            String token = local.token(DevelopmentIssuer.DEVELOPER, null);
            assertEquals(demoIdsNewestFirst(), listedIds(local, token));
            Http.Reply one = Http.get(local.base(), "/collections/" + first, token);
            assertEquals(200, one.status(), one.body());
            assertEquals(3, one.json().path("imageCount").asInt(), one.body());
            assertEquals("https://example.com/demo/beach.jpg", one.json().path("images").path(0).path("url").asText(), one.body());

            // The developer's own change to a demo collection, and one more of their own.
            assertEquals(200, Http.post(local.base(), "/collections/" + first + "/images", token,
                    "{\"images\":[{\"url\":\"https://example.com/mine.jpg\"}]}").status());
            assertEquals(201, Http.post(local.base(), "/collections", token, "{\"timestamp\":\"2026-01-01T00:00:00Z\",\"images\":[]}").status());
            // Another user sees none of them.
            assertEquals(List.of(), listedIds(local, local.token("someone-else", null)));
        }
        try (InProcessServer again = InProcessServer.startWithRealHandlers("--seed", "demo", "--db-path", db.toString())) {
            assertEquals("3 collections for " + DevelopmentIssuer.DEVELOPER + ", there already", again.server.demoStatus());
            String token = again.token(DevelopmentIssuer.DEVELOPER, null);
            List<String> ids = listedIds(again, token);
            assertEquals(4, ids.size(), "the three demo collections once, and the developer's own: " + ids);
            assertTrue(ids.containsAll(demoIdsNewestFirst()), ids.toString());
            Http.Reply changed = Http.get(again.base(), "/collections/" + first, token);
            assertEquals(4, changed.json().path("imageCount").asInt(), "the developer's appended image stays: " + changed.body());
        }
    }

    @Test
    void withoutTheOptionTheTableStaysEmpty() throws Exception {
        try (InProcessServer local = InProcessServer.startWithRealHandlers()) {
            assertNull(local.server.demoStatus());
            assertTrue(!LocalCli.banner(local.server, null).contains("Demo:"), LocalCli.banner(local.server, null));
            assertEquals(List.of(), listedIds(local, local.token(DevelopmentIssuer.DEVELOPER, null)));
        }
    }

    /** A collection the developer deleted comes back at the next start with the option, and only that one is added. */
    @Test
    void aDeletedDemoCollectionIsAddedAgainAndOnlyIt(@TempDir Path db) throws Exception {
        String second = DemoData.COLLECTIONS.get(1).imagesCollectionId();
        try (InProcessServer local = InProcessServer.startWithRealHandlers("--seed", "demo", "--db-path", db.toString())) {
            assertEquals(204, Http.send(local.base(), "DELETE", "/collections/" + second, local.token(DevelopmentIssuer.DEVELOPER, null),
                    null, null).status());
        }
        try (InProcessServer again = InProcessServer.startWithRealHandlers("--seed", "demo", "--db-path", db.toString())) {
            assertEquals("3 collections for " + DevelopmentIssuer.DEVELOPER + " (1 added, 2 there already)", again.server.demoStatus());
            assertEquals(demoIdsNewestFirst(), listedIds(again, again.token(DevelopmentIssuer.DEVELOPER, null)));
        }
    }
}
