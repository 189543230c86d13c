package com.userimages.core.pagination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.userimages.core.data.CollectionRepository;
import com.userimages.core.model.ListSelection;
import com.userimages.core.model.ListedCollection;
import com.userimages.core.model.SortOrder;
import com.userimages.core.model.Timestamps;
import com.userimages.testing.DynamoDbExtension;
import com.userimages.testing.SeedData;
import com.userimages.testing.SeedData.Seed;
import com.userimages.core.http.ListQueryParser;
import com.userimages.core.service.ListCollectionsService;
import com.userimages.testing.TestApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Histogram;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The list-page guarantees of API.md against a brute-force answer, on the test engine: random
 * collections (0-300, few distinct timestamps so ties are everywhere, random image counts), random
 * walks (order, from/to, minImages, and a page size that changes from page to page), once with the
 * default read budget and once with a tiny one.
 *
 * <p>Each try writes one dataset for a fresh user and walks it several times, so the writes are
 * shared by all of that try's walks.
 */
class ListPagePropertyTest {
    static final int TRIES = 80;

    private static final Instant BASE = Instant.parse("2026-03-01T00:00:00Z");

    /** How a walk pages: its selection, and the page size of each page in turn (cycled). */
    record WalkSpec(SortOrder order, Integer fromOffset, Integer toOffset, int minImages, List<Integer> limits) {
        ListSelection query() {
            String from = fromOffset == null ? null : timestamp(fromOffset);
            String to = toOffset == null ? null : timestamp(toOffset);
            return new ListSelection(order, from, to, minImages);
        }
    }

    record Scenario(List<Seed> seeds, List<WalkSpec> walks, ReadBudget tinyBudget) {
        @Override
        public String toString() {
            return seeds.size() + " collections on " + seeds.stream().map(Seed::timestamp).distinct().count()
                    + " timestamps, walks " + walks + ", tiny budget " + tinyBudget;
        }
    }

    @BeforeContainer
    static void startEngine() throws Exception {
        DynamoDbExtension.ensureStarted();
    }

    @Property(tries = TRIES, shrinking = ShrinkingMode.BOUNDED, edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(label = "collections per dataset", format = Histogram.class)
    void walkingTheTokensYieldsExactlyTheMatchingCollectionsInOrder(@ForAll("scenarios") Scenario scenario) {
        String user = TestApi.newUser();
        SeedData.put(user, scenario.seeds());
        Statistics.label("collections per dataset").collect(scenario.seeds().size() / 50 * 50);

        CollectionRepository repository = DynamoDbExtension.components().collectionRepository();
        PageTokenCodec codec = new PageTokenCodec(PageTokenSecrets.of(DynamoDbExtension.PAGE_TOKEN_SECRET, null));
        ReadBudget defaultBudget = ReadBudget.from(DynamoDbExtension.settings());
        ListCollectionsService normal = new ListCollectionsService(repository, codec, defaultBudget);
        ListCollectionsService starved = new ListCollectionsService(repository, codec, scenario.tinyBudget());

        for (WalkSpec walk : scenario.walks()) {
            int partialPages = walk(normal, defaultBudget, user, scenario.seeds(), walk);
            // 300 collections need far less than the default budget: no page may be partial.
            assertEquals(0, partialPages, "partial pages with the default budget");
        }
        int partialPages = walk(starved, scenario.tinyBudget(), user, scenario.seeds(), scenario.walks().getFirst());
        Statistics.label("tiny budget walk had partial pages").collect(partialPages > 0);
    }

    /** Walks every page of one selection and checks it against brute force; returns how many pages were partial. */
    private static int walk(ListCollectionsService service, ReadBudget budget, String user, List<Seed> seeds, WalkSpec spec) {
        ListSelection query = spec.query();
        Comparator<Seed> byTime = Comparator.comparing(Seed::timestamp);
        List<Seed> expected = seeds.stream()
                .filter(s -> query.inRange(s.timestamp()) && s.imageCount() >= query.minImages())
                .sorted(query.order() == SortOrder.ASC ? byTime : byTime.reversed())
                .toList();
        Map<String, Seed> seedsById = new HashMap<>();
        seeds.forEach(s -> seedsById.put(s.collectionId(), s));

        List<ListedCollection> walked = new ArrayList<>();
        String token = null;
        boolean previousWasFullWithToken = false;
        int pages = 0;
        int partialPages = 0;
        do {
            int limit = spec.limits().get(pages % spec.limits().size());
            ListPage page = service.list(user, new PageRequest(limit, query, token));
            pages++;
            // Every page evaluates at least one entry or exhausts the range, so this bounds any correct walk.
            if (pages > seeds.size() + 2) fail("the walk does not end: " + pages + " pages for " + seeds.size() + " collections");

            assertTrue(page.items().size() <= limit, "never more than limit");
            assertTrue(page.queryCalls() <= budget.maxQueryCalls(), "Query calls within budget");
            assertTrue(page.itemsEvaluated() <= budget.maxItemsEvaluated(), "items evaluated within budget");
            if (page.partial()) {
                partialPages++;
                assertTrue(page.nextToken() != null, "a partial page always resumes");
            } else {
                if (page.nextToken() != null) assertEquals(limit, page.items().size(), "a non-partial page with a token is full");
                if (previousWasFullWithToken) assertFalse(page.items().isEmpty(), "a non-partial page's token led to an empty page");
            }
            previousWasFullWithToken = !page.partial() && page.nextToken() != null;
            for (ListedCollection item : page.items()) {
                Seed seed = seedsById.get(item.collectionId());
                assertTrue(seed != null, "a listed collection that was never stored");
                assertEquals(seed.timestamp(), item.timestamp());
                assertEquals(seed.imageCount(), item.imageCount());
                assertEquals(seed.coverUrl(), item.coverUrl());
            }
            walked.addAll(page.items());
            token = page.nextToken();
        } while (token != null);

        List<String> walkedIds = walked.stream().map(ListedCollection::collectionId).toList();
        assertEquals(walkedIds.size(), new HashSet<>(walkedIds).size(), "a collection came twice");
        Set<String> expectedIds = expected.stream().map(Seed::collectionId).collect(Collectors.toSet());
        Set<String> missing = new HashSet<>(expectedIds);
        walkedIds.forEach(missing::remove);
        Set<String> unexpected = new HashSet<>(walkedIds);
        unexpected.removeAll(expectedIds);
        // The ids themselves, so a failure names the collections to look at (a seed alone does not
        // reproduce them: ids and users are random).
        assertEquals(expectedIds, new HashSet<>(walkedIds),
                () -> "not exactly the matching collections: missing " + missing + ", unexpected " + unexpected + " for " + user);
        assertEquals(expected.stream().map(Seed::timestamp).toList(), walked.stream().map(ListedCollection::timestamp).toList(),
                "not in timestamp order");
        if (partialPages == 0 && !expected.isEmpty()) {
            assertFalse(walked.isEmpty());
        }
        if (expected.isEmpty() && partialPages == 0) {
            assertEquals(1, pages, "an empty result is one empty page");
            assertNull(token);
        }
        return partialPages;
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        // Sizes drawn explicitly: jqwik's own list sizes lean small, and the interesting walks are long.
        Arbitrary<Integer> size = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(0, 1, 300)),
                Tuple.of(2, Arbitraries.integers().between(2, 40).withDistribution(RandomDistribution.uniform())),
                Tuple.of(6, Arbitraries.integers().between(41, 300).withDistribution(RandomDistribution.uniform())));
        // Few distinct timestamps (1 to 41) for up to 300 collections: long runs of ties.
        Arbitrary<Integer> spreads = Arbitraries.integers().between(0, 40).withDistribution(RandomDistribution.uniform());
        Arbitrary<List<Seed>> seeds = Combinators.combine(size, spreads).flatAs((n, spread) ->
                Combinators.combine(Arbitraries.integers().between(0, spread), Arbitraries.integers().between(0, 8))
                        .as((offset, images) -> new Seed(UUID.randomUUID().toString(), timestamp(offset), images))
                        .list().ofSize(n));
        Arbitrary<ReadBudget> tiny = Combinators.combine(Arbitraries.integers().between(1, 8), Arbitraries.integers().between(1, 3))
                .as(ReadBudget::new);
        return Combinators.combine(seeds, walks().list().ofMinSize(1).ofMaxSize(3), tiny).as(Scenario::new);
    }

    private static Arbitrary<WalkSpec> walks() {
        Arbitrary<Integer> offset = Arbitraries.integers().between(-2, 42).injectNull(0.4);
        Arbitrary<Integer> minImages = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0, 9)),
                Tuple.of(1, Arbitraries.just(ListQueryParser.MAX_MIN_IMAGES)));
        Arbitrary<Integer> limit = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(1, 5)),
                Tuple.of(2, Arbitraries.integers().between(6, 30)),
                Tuple.of(1, Arbitraries.integers().between(31, 100)));
        return Combinators.combine(Arbitraries.of(SortOrder.class), offset, offset, minImages, limit.list().ofMinSize(1).ofMaxSize(4))
                .as((order, a, b, min, limits) -> a != null && b != null && a > b
                        ? new WalkSpec(order, b, a, min, limits)
                        : new WalkSpec(order, a, b, min, limits));
    }

    private static String timestamp(int offsetSeconds) {
        return Timestamps.format(BASE.plusSeconds(offsetSeconds));
    }
}
