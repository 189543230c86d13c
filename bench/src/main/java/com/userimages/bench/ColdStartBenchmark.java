package com.userimages.bench;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.Setting;
import com.userimages.contract.Settings;
import com.userimages.core.data.AwsClients;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.NewCollection;
import com.userimages.handlers.FunctionComponents;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Cold-start benchmark: each function's handler in a fresh JVM (the Lambda jar only, Lambda's
 * default JVM flags), against DynamoDB Local on loopback. Prints a table of medians. This measures
 * our code's share of a cold start without SnapStart; a benchmark, never a test: numbers on a
 * shared 2-core machine vary, so nothing asserts them.
 *
 * <p>Usage: {@code java -cp "bench/target/user-images-bench.jar:bench/target/lib/*" com.userimages.bench.ColdStartBenchmark [runs]}
 */
public final class ColdStartBenchmark {
    /** The flags Lambda's Java runtimes start the JVM with by default. */
    private static final List<String> LAMBDA_JVM_FLAGS = List.of(
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m");

    private ColdStartBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path lambdaJar = Path.of("functions/target/user-images-functions-lambda.jar");
        Path probeClasses = Path.of("bench/target/classes");
        if (!Files.exists(lambdaJar) || !Files.exists(probeClasses)) {
            System.err.println("Build first, from the repository root: mvn -q -DskipTests package");
            System.exit(2);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DynamoDBProxyServer dynamoDb = ServerRunner.createServerFromCommandLineArgs(
                new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
        dynamoDb.start();
        try {
            Map<String, String> settings = Map.of(
                    Setting.DYNAMODB_ENDPOINT.name(), "http://127.0.0.1:" + port,
                    Setting.AWS_REGION.name(), AwsClients.LOCAL_DEFAULT_REGION,
                    Setting.TABLE_NAME.name(), Setting.TABLE_NAME.defaultValue(),
                    Setting.PAGE_TOKEN_SECRET.name(), "bench-secret-" + UUID.randomUUID(),
                    "AWS_ACCESS_KEY_ID", "local",
                    "AWS_SECRET_ACCESS_KEY", "local");
            // The probes read these from their environment, as Lambda does; this JVM seeds through its own wiring.
            FunctionComponents components = FunctionComponents.builder(Settings.from(settings::get))
                    .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .build();
            components.tableAdmin().ensureTable(Duration.ofSeconds(20));
            String user = "bench-user";
            String collectionId = UUID.randomUUID().toString();
            List<ImageRef> images = new ArrayList<>();
            for (int i = 0; i < 20; i++) images.add(new ImageRef(UUID.randomUUID().toString(), "https://bench.example/" + i));
            components.collectionService().create(user,
                    new NewCollection(collectionId, "2026-01-01T00:00:00Z", images, "bench"));

            String classPath = lambdaJar + File.pathSeparator + probeClasses;
            System.out.printf("Cold start, %d fresh JVMs per function (%s), JDK %s, %d cores%n%n", runs,
                    String.join(" ", LAMBDA_JVM_FLAGS), Runtime.version(), Runtime.getRuntime().availableProcessors());
            System.out.println("| function | status | process wall ms | init ms | first call ms | priming ms | first call after priming ms | warm p50 ms | heap MB |");
            System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
            for (ApiFunction function : ApiFunction.values()) {
                Samples cold = probe(function, "cold", runs, classPath, settings, user, collectionId);
                Samples primed = probe(function, "primed", runs, classPath, settings, user, collectionId);
                System.out.printf(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f | %.0f |%n",
                        function.functionName(), cold.status, median(cold.wall), median(cold.init), median(cold.first),
                        median(primed.prime), median(primed.first), median(cold.warm), median(cold.heap));
            }
        } finally {
            dynamoDb.stop();
        }
        // DynamoDB Local leaves non-daemon threads behind after stop(); the table is printed, so leave.
        System.exit(0);
    }

    private record Samples(String status, double[] wall, double[] init, double[] prime, double[] first, double[] warm, double[] heap) {}

    private static Samples probe(ApiFunction function, String mode, int runs, String classPath, Map<String, String> settings,
                                 String user, String collectionId) throws Exception {
        double[] wall = new double[runs], init = new double[runs], prime = new double[runs], first = new double[runs],
                warm = new double[runs], heap = new double[runs];
        String status = "?";
        for (int r = 0; r < runs; r++) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(LAMBDA_JVM_FLAGS);
            command.addAll(List.of("-cp", classPath, ColdStartProbe.class.getName(), function.functionName(), user, collectionId, mode));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(settings);
            long start = System.nanoTime();
            Process p = pb.start();
            String last = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) last = line;
            }
            int exit = p.waitFor();
            wall[r] = (System.nanoTime() - start) / 1e6;
            String[] f = last == null ? new String[0] : last.trim().split(" ");
            if (exit != 0 || f.length != 7) throw new IllegalStateException(function + " probe failed: " + last);
            init[r] = Double.parseDouble(f[1]);
            prime[r] = Double.parseDouble(f[2]);
            first[r] = Double.parseDouble(f[3]);
            warm[r] = Double.parseDouble(f[4]);
            heap[r] = Double.parseDouble(f[5]);
            status = f[6];
        }
        return new Samples(status, wall, init, prime, first, warm, heap);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
