package com.userimages.bench;

import com.userimages.contract.ApiFunction;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The benchmark's tables, in Markdown so that the README's table is pasted from a run. */
final class Report {
    private Report() {}

    static void print(int runs, List<ColdStartBenchmark.Row> rows, Map<ColdStartBenchmark.Row, List<Launch.Result>> results,
                      Map<ColdStartBenchmark.Row, ClassLoadLog> classes, boolean localCache, Path localCachePath) {
        ColdStartBenchmark.Row node = rows.stream().filter(r -> r.group() == ColdStartBenchmark.Row.Group.NODE).findFirst().orElseThrow();
        double nodeMedian = median(results.get(node).stream().mapToDouble(Launch.Result::ms).toArray());
        System.out.printf(Locale.ROOT, "%nCold start: %d fresh processes per row, alternated; JDK %s, %s, %d cores.%n",
                runs, Runtime.version(), nodeVersion(), Runtime.getRuntime().availableProcessors());
        System.out.printf("Lambda JVM flags: %s. Local tools: the README's java -jar line.%n%n", String.join(" ", ColdStartBenchmark.LAMBDA_JVM_FLAGS));
        System.out.println("| process | status | median ms | min ms | × node | classes loaded | of them from CDS/AOT archive | warm p50 ms |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (ColdStartBenchmark.Row row : rows) {
            if (row.group() == ColdStartBenchmark.Row.Group.PRIMED) continue;
            List<Launch.Result> samples = results.get(row);
            double[] ms = samples.stream().mapToDouble(Launch.Result::ms).toArray();
            ClassLoadLog log = classes.get(row);
            double[] warm = samples.stream().filter(s -> s.probe() != null).mapToDouble(s -> s.probe()[3]).toArray();
            System.out.printf(Locale.ROOT, "| %s | %d | %.0f | %.0f | %.2f | %s | %s | %s |%n", row.label(), samples.getFirst().status(),
                    median(ms), Arrays.stream(ms).min().orElse(0), median(ms) / nodeMedian,
                    log == null ? "—" : Integer.toString(log.total()), log == null ? "—" : Integer.toString(log.fromArchive()),
                    warm.length == 0 ? "—" : String.format(Locale.ROOT, "%.2f", median(warm)));
        }
        if (!localCache) {
            System.out.println("\n(no " + localCachePath + ": the local tools' rows with a cache are left out; `mvn package` makes it)");
        }
        System.out.println("""

                median/min ms: from just before the process starts until the first response is there (functions:
                init + one call; local server: its banner, then one GET /collections answered; invoke: until it
                exits). × node: median over the node function's median. Functions run from the Lambda jar alone
                (plus the probe's classes); the "AOT cache" rows use a cache trained by this bench, one probe run
                per function, for this JVM build. Left out: in Lambda the runtime deserializes the event with its
                own Jackson before the handler runs, and its bootstrap (class loading, the runtime API client) is
                not here; neither is the network to a real DynamoDB. Node's SDK comes from bench/node's lock file
                (in Lambda's nodejs20.x it ships with the runtime).""");

        System.out.println("\nThe reads beside their URL-only row: over 20 uploaded images (each URL presigned, local SigV4, no S3 call), and another build's jar when given, medians:\n");
        System.out.println("| row | its URL-only row ms | this row ms | this / URL-only | init ms, URL-only → this | first call ms, URL-only → this | classes loaded, URL-only → this |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        for (ColdStartBenchmark.Row row : rows) {
            String suffix = row.label().endsWith(ColdStartBenchmark.UPLOADED_SUFFIX) ? ColdStartBenchmark.UPLOADED_SUFFIX
                    : row.label().endsWith(ColdStartBenchmark.BASELINE_SUFFIX) ? ColdStartBenchmark.BASELINE_SUFFIX : null;
            if (suffix == null) continue;
            String name = row.label().substring(0, row.label().length() - suffix.length());
            ColdStartBenchmark.Row urlOnly = rows.stream().filter(r -> r.label().equals(name)).findFirst().orElseThrow();
            double self = median(results.get(row).stream().mapToDouble(Launch.Result::ms).toArray());
            double plain = median(results.get(urlOnly).stream().mapToDouble(Launch.Result::ms).toArray());
            ClassLoadLog before = classes.get(urlOnly);
            ClassLoadLog after = classes.get(row);
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.3f | %.0f → %.0f | %.1f → %.1f | %s |%n", row.label(), plain, self, self / plain,
                    probeMedian(results.get(urlOnly), 0), probeMedian(results.get(row), 0),
                    probeMedian(results.get(urlOnly), 2), probeMedian(results.get(row), 2),
                    before == null || after == null ? "—" : before.total() + " → " + after.total());
        }

        if (rows.stream().noneMatch(r -> r.group() == ColdStartBenchmark.Row.Group.PRIMED)) return;
        System.out.println("\nSnapStart view: priming (before the snapshot) and the first call after it, medians:\n");
        System.out.println("| function | priming ms | first call after priming ms | init ms (no priming) | first call ms (no priming) | heap MB |");
        System.out.println("| --- | --- | --- | --- | --- | --- |");
        for (ColdStartBenchmark.Row row : rows) {
            if (row.group() != ColdStartBenchmark.Row.Group.PRIMED) continue;
            String name = row.label().substring(0, row.label().indexOf(','));
            ColdStartBenchmark.Row cold = rows.stream().filter(r -> r.label().equals(name)).findFirst().orElseThrow();
            System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.0f |%n", name,
                    probeMedian(results.get(row), 1), probeMedian(results.get(row), 2),
                    probeMedian(results.get(cold), 0), probeMedian(results.get(cold), 2), probeMedian(results.get(cold), 4));
        }
    }

    /** Where one function's classes come from, by package and phase: what a leaner cold path has to remove. */
    static void printClassGroups(ApiFunction function, ClassLoadLog log, double[] marks) {
        System.out.printf(Locale.ROOT, "%nClasses %s loads, no cache (%d, %d from the JDK's CDS archive), by package and phase"
                        + " (init ends at %.0f ms of JVM uptime, the first call at %.0f ms):%n%n",
                function.functionName(), log.total(), log.fromArchive(), marks[0], marks[1]);
        System.out.println("| package | JVM start + init | first call | after | total |");
        System.out.println("| --- | --- | --- | --- | --- |");
        int shown = 0;
        int[] rest = new int[4];
        for (Map.Entry<String, int[]> e : log.byGroupAndPhase(marks).entrySet()) {
            int[] c = e.getValue();
            if (shown++ < 20) {
                System.out.printf("| %s | %d | %d | %d | %d |%n", e.getKey(), c[0], c[1], c[2], c[3]);
            } else {
                for (int i = 0; i < 4; i++) rest[i] += c[i];
            }
        }
        System.out.printf("| (others) | %d | %d | %d | %d |%n", rest[0], rest[1], rest[2], rest[3]);
    }

    private static double probeMedian(List<Launch.Result> samples, int field) {
        return median(samples.stream().mapToDouble(s -> s.probe()[field]).toArray());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes()).trim();
            p.waitFor();
            return "node " + v;
        } catch (Exception e) {
            return "node ?";
        }
    }
}
