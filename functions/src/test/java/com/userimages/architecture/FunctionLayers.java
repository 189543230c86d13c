package com.userimages.architecture;

import java.util.Map;
import java.util.Set;

/**
 * The functions' layers, each with the layers that may use it: the one table both the class-file
 * rules (PackageRulesTest) and the source-level ones (SourceDependenciesTest, which also sees
 * constant-only references) hold the code to.
 */
final class FunctionLayers {
    static final Map<String, Set<String>> MAY_BE_USED_BY = Map.ofEntries(
            Map.entry("handlers", Set.of()),
            Map.entry("wiring", Set.of("handlers")),
            Map.entry("core.priming", Set.of("wiring", "handlers")),
            Map.entry("core.http", Set.of("core.priming", "wiring", "handlers")),
            Map.entry("core.service", Set.of("core.http", "wiring", "handlers")),
            Map.entry("core.pagination", Set.of("core.service", "core.http", "wiring", "handlers")),
            Map.entry("core.data", Set.of("core.pagination", "core.service", "wiring", "handlers")),
            Map.entry("core.storage", Set.of("core.service", "core.http", "core.priming", "wiring", "handlers")),
            Map.entry("core.model", Set.of("core.storage", "core.data", "core.pagination", "core.service", "core.http", "core.priming", "wiring", "handlers")),
            Map.entry("core.observability", Set.of("core.data", "core.pagination", "core.service", "core.http", "core.priming", "wiring", "handlers")),
            Map.entry("core.json", Set.of("core.http", "core.priming", "wiring", "handlers")),
            Map.entry("core.error", Set.of("core.model", "core.data", "core.pagination", "core.service", "core.http", "core.priming", "wiring", "handlers")));

    private FunctionLayers() {}
}
