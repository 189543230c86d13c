package com.userimages.bench;

import com.userimages.contract.ApiFunction;
import com.userimages.contract.Setting;
import com.userimages.contract.Settings;
import com.userimages.core.data.AwsClients;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.NewCollection;
import com.userimages.core.model.UploadedFile;
import com.userimages.core.storage.ObjectKeys;
import com.userimages.core.storage.UploadIds;
import com.userimages.core.storage.UploadTarget;
import com.userimages.core.priming.PrimingRequests;
import com.userimages.wiring.FunctionComponents;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Cold-start benchmark, side by side in one run: every function of the Lambda jar in fresh JVMs (the
 * jar alone on the class path, Lambda's default JVM flags), the same with a JDK 25 AOT cache the
 * bench trains itself for the JVM that runs it, a Node.js 20 + AWS SDK v3 function doing get-item's
 * GetItem, and the local tools (server up to its first answered request; one {@code invoke}) with
 * and without the build's AOT cache. All against one dynalite on loopback; the processes are
 * alternated (one of each row per round) so that the machine's load drifts evenly over the rows.
 * Prints medians, minima, the ratio to the Node function, classes loaded, then where get-item's
 * classes come from. A benchmark, never a test: numbers on a shared machine vary, nothing asserts.
 *
 * <p>Usage, from the repository root after {@code mvn -DskipTests package}:
 * {@code java [-Dbench.baselineJar=JAR] -cp "bench/target/user-images-bench.jar:bench/target/lib/*" com.userimages.bench.ColdStartBenchmark [runs [reads]]}
 */
public final class ColdStartBenchmark {
    /** The flags Lambda's Java runtimes start the JVM with by default. */
    static final List<String> LAMBDA_JVM_FLAGS = List.of(
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m");

    /** The flags ./run starts the local tools with, as a java argument file (the cache flag is added per row). */
    static final List<String> LOCAL_JVM_FLAGS = List.of("@local/jvm.options");

    /** The label suffix of the rows that read uploaded images; the report pairs each with its URL-only row. */
    static final String UPLOADED_SUFFIX = ", uploaded images";
    /** The label suffix of the rows that run {@code -Dbench.baselineJar}'s jar instead of this build's. */
    static final String BASELINE_SUFFIX = ", baseline jar";

    private static final Path LAMBDA_JAR = Path.of("functions/target/user-images-functions-lambda.jar");
    /** The probe's classes; a jar, because a JDK 25 AOT cache refuses a class path with a non-empty directory. */
    private static final Path PROBE_JAR = Path.of("bench/target/user-images-bench.jar");
    private static final Path LOCAL_JAR = Path.of("local/target/user-images-local.jar");
    private static final Path LOCAL_AOT_CACHE = Path.of("local/target/user-images-local.aot");
    private static final Path NODE_DIR = Path.of("bench/node");
    private static final Path WORK = Path.of("bench/target/cold-start");

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        // "reads": only the node row and get-item's and list-page's, without and with uploaded images.
        boolean readsOnly = args.length > 1 && args[1].equals("reads");
        // Another build's jar (e.g. one from before a change), run under the same probe, data and rounds.
        String baseline = System.getProperty("bench.baselineJar", "");
        for (Path required : List.of(LAMBDA_JAR, PROBE_JAR, LOCAL_JAR)) {
            if (!Files.exists(required)) {
                System.err.println(required + " is missing. Build first, from the repository root: mvn -B -q -DskipTests package");
                System.exit(2);
            }
        }
        Files.createDirectories(WORK);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        npmCi();

        BenchDynamoDb dynamoDb = BenchDynamoDb.start();
        try {
            String endpoint = dynamoDb.endpoint();
            Map<String, String> settings = Map.of(
                    Setting.DYNAMODB_ENDPOINT.name(), endpoint,
                    Setting.AWS_REGION.name(), AwsClients.LOCAL_DEFAULT_REGION,
                    Setting.TABLE_NAME.name(), Setting.TABLE_NAME.defaultValue(),
                    Setting.PAGE_TOKEN_SECRET.name(), "bench-secret-" + UUID.randomUUID(),
                    // Presigning is local: the bucket needs no engine for the reads to sign its URLs.
                    Setting.IMAGES_BUCKET.name(), "bench-images",
                    "AWS_ACCESS_KEY_ID", dynamoDb.credentialsEnv().get("AWS_ACCESS_KEY_ID"),
                    "AWS_SECRET_ACCESS_KEY", dynamoDb.credentialsEnv().get("AWS_SECRET_ACCESS_KEY"));
            // The probes read these from their environment, as Lambda does; this JVM seeds through its own wiring.
            FunctionComponents components = FunctionComponents.builder(Settings.from(settings::get))
                    .credentials(dynamoDb.credentials())
                    .build();
            components.tableAdmin().ensureTable(Duration.ofSeconds(20));
            String user = "bench-user";
            String collectionId = newCollection(components, user);
            // Appends go to a fresh collection per process, so no run meets the per-collection limit.
            Supplier<String> appendTarget = () -> newCollection(components, user);
            // The same reads over uploaded images: get-item signs 20 URLs, list-page 20 covers.
            String uploader = "bench-uploader";
            String uploadedCollectionId = newUploadedCollection(components, uploader);
            for (int i = 1; i < 20; i++) newUploadedCollection(components, uploader);

            List<Row> rows = new ArrayList<>();
            String classPath = LAMBDA_JAR + File.pathSeparator + PROBE_JAR;
            rows.add(Row.probe("node 20 + SDK v3 get-item", Row.Group.NODE, settings,
                    () -> List.of("node", NODE_DIR.resolve("probe.mjs").toString(), user, collectionId)));
            for (ApiFunction function : ApiFunction.values()) {
                if (readsOnly && function != ApiFunction.GET_ITEM && function != ApiFunction.LIST_PAGE) continue;
                Supplier<String> target = function == ApiFunction.APPEND_COLLECTION ? appendTarget : () -> collectionId;
                Path cache = WORK.resolve(function.functionName() + ".aot");
                rows.add(Row.probe(function.functionName(), Row.Group.JAVA, settings,
                        () -> probeCommand(java, List.of(), classPath, function, user, target.get(), "cold")));
                // "reads" trains no cache: a row with a missing one would only measure the JVM's warning.
                if (!readsOnly) {
                    rows.add(Row.probe(function.functionName() + ", AOT cache", Row.Group.JAVA_AOT, settings,
                            () -> probeCommand(java, List.of("-XX:AOTCache=" + cache), classPath, function, user, target.get(), "cold")));
                }
                if (function == ApiFunction.GET_ITEM || function == ApiFunction.LIST_PAGE) {
                    rows.add(Row.probe(function.functionName() + UPLOADED_SUFFIX, Row.Group.JAVA, settings,
                            () -> probeCommand(java, List.of(), classPath, function, uploader, uploadedCollectionId, "cold")));
                    if (!baseline.isEmpty()) {
                        String baselinePath = baseline + File.pathSeparator + PROBE_JAR;
                        rows.add(Row.probe(function.functionName() + BASELINE_SUFFIX, Row.Group.JAVA, settings,
                                () -> probeCommand(java, List.of(), baselinePath, function, user, collectionId, "cold")));
                    }
                }
                if (readsOnly) continue;
                if (PrimingRequests.forFunction(function).isPresent()) {
                    rows.add(Row.probe(function.functionName() + ", primed", Row.Group.PRIMED, settings,
                            () -> probeCommand(java, List.of(), classPath, function, user, target.get(), "primed")));
                }
            }
            System.out.printf("%s: training an AOT cache per function (%s, %s)...%n", LocalTime.now(), WORK, Runtime.version());
            for (ApiFunction function : ApiFunction.values()) {
                if (readsOnly) break;
                Path cache = WORK.resolve(function.functionName() + ".aot");
                Files.deleteIfExists(cache);
                String target = function == ApiFunction.APPEND_COLLECTION ? newCollection(components, user) : collectionId;
                Launch.run(probeCommand(java, List.of("-XX:AOTCacheOutput=" + cache), classPath, function, user, target, "cold"),
                        settings, Launch.Until.EXIT);
                if (!Files.exists(cache)) throw new IllegalStateException("no AOT cache made for " + function.functionName());
            }

            boolean localCache = Files.exists(LOCAL_AOT_CACHE);
            for (boolean aot : readsOnly ? List.<Boolean>of() : localCache ? List.of(false, true) : List.of(false)) {
                List<String> flags = aot ? List.of("-XX:AOTCache=" + LOCAL_AOT_CACHE) : List.of();
                String suffix = aot ? ", AOT cache" : "";
                Row.Group group = aot ? Row.Group.LOCAL_AOT : Row.Group.LOCAL;
                rows.add(new Row("local server, first request" + suffix, group, Map.of(), Launch.Until.SERVER_FIRST_REQUEST,
                        () -> localCommand(java, flags, "--port", "0")));
                rows.add(new Row("local invoke get-item" + suffix, group, Map.of(), Launch.Until.EXIT,
                        () -> localCommand(java, flags, "invoke", "get-item", "-e", "events/get-collection.json")));
                rows.add(new Row("local invoke get-item --dynamodb-endpoint" + suffix, group, dynamoDb.credentialsEnv(), Launch.Until.EXIT,
                        () -> localCommand(java, flags, "invoke", "get-item", "-e", "events/get-collection.json",
                                "--dynamodb-endpoint", endpoint)));
            }

            System.out.printf("%s: %d rounds of %d processes, alternated...%n", LocalTime.now(), runs, rows.size());
            Map<Row, List<Launch.Result>> results = new LinkedHashMap<>();
            rows.forEach(row -> results.put(row, new ArrayList<>()));
            for (int r = 0; r < runs; r++) {
                for (Row row : rows) results.get(row).add(Launch.run(row.command().get(), row.env(), row.until()));
            }
            System.out.printf("%s: one more process per row, logging its classes...%n", LocalTime.now());
            Map<Row, ClassLoadLog> classes = new LinkedHashMap<>();
            for (Row row : rows) {
                if (row.group() == Row.Group.NODE || row.group() == Row.Group.PRIMED) continue;
                Path log = WORK.resolve("classes-" + rows.indexOf(row) + ".log");
                Files.deleteIfExists(log);
                List<String> command = new ArrayList<>(row.command().get());
                // Before -jar, after the local tools' @jvm.options: its -Xlog:disable would turn an earlier -Xlog off.
                command.add(command.indexOf("-jar") >= 0 ? command.indexOf("-jar") : 1,
                        "-Xlog:class+load=info:file=" + log.toAbsolutePath() + ":uptime");
                Launch.run(command, row.env(), row.until());
                classes.put(row, ClassLoadLog.read(log));
            }

            Report.print(runs, rows, results, classes, localCache, LOCAL_AOT_CACHE);
            ApiFunction dominant = ApiFunction.GET_ITEM;
            List<String> phases = probeCommand(java, List.of("-Xlog:class+load=info:file=" + WORK.toAbsolutePath().resolve("phases.log") + ":uptime"),
                    classPath, dominant, user, collectionId, "phases");
            Launch.Result phased = Launch.run(phases, settings, Launch.Until.EXIT);
            Report.printClassGroups(dominant, ClassLoadLog.read(WORK.resolve("phases.log")), phased.phaseMarks());
        } finally {
            dynamoDb.close();
        }
        // The tables are printed; whatever the SDK left running must not keep the JVM.
        System.exit(0);
    }

    private static String newCollection(FunctionComponents components, String user) {
        String id = UUID.randomUUID().toString();
        List<ImageRef> images = new ArrayList<>();
        for (int i = 0; i < 20; i++) images.add(new ImageRef(UUID.randomUUID().toString(), "https://bench.example/" + i));
        components.collectionService().create(user, new NewCollection(id, "2026-01-01T00:00:00Z", images, "bench"));
        return id;
    }

    /** 20 uploaded images, as an append of uploads stores them (the objects themselves are never read by a read). */
    private static String newUploadedCollection(FunctionComponents components, String user) {
        String id = UUID.randomUUID().toString();
        UploadIds uploadIds = new UploadIds(new SecureRandom());
        List<ImageRef> images = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String imageId = UUID.randomUUID().toString();
            String key = ObjectKeys.image(new UploadTarget(ObjectKeys.userKey(user), id, imageId, uploadIds.next()));
            images.add(new ImageRef(imageId, ObjectKeys.url(key), new UploadedFile("image/jpeg", 250_000)));
        }
        components.collectionService().create(user, new NewCollection(id, "2026-01-01T00:00:00Z", images, "bench"));
        return id;
    }

    static List<String> probeCommand(String java, List<String> extraFlags, String classPath, ApiFunction function,
                                     String user, String collectionId, String mode) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(LAMBDA_JVM_FLAGS);
        command.addAll(extraFlags);
        command.addAll(List.of("-cp", classPath, ColdStartProbe.class.getName(), function.functionName(), user, collectionId, mode));
        return command;
    }

    /** ./run's command line, plus the cache flag for the rows with a cache. */
    private static List<String> localCommand(String java, List<String> flags, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(LOCAL_JVM_FLAGS);
        command.addAll(flags);
        command.addAll(List.of("-jar", LOCAL_JAR.toString()));
        command.addAll(List.of(args));
        return command;
    }

    /** The Node function's dependencies, exactly as its committed lock file says. */
    private static void npmCi() throws IOException, InterruptedException {
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(NODE_DIR.toFile()).inheritIO().start();
        if (npm.waitFor() != 0) throw new IllegalStateException("npm ci in " + NODE_DIR + " failed");
    }

    /** One line of the table: a command started afresh for every sample. */
    record Row(String label, Group group, Map<String, String> env, Launch.Until until, Supplier<List<String>> command) {
        enum Group { NODE, JAVA, JAVA_AOT, PRIMED, LOCAL, LOCAL_AOT }

        static Row probe(String label, Group group, Map<String, String> env, Supplier<List<String>> command) {
            return new Row(label, group, env, Launch.Until.PROBE_FIRST_RESPONSE, command);
        }
    }
}
