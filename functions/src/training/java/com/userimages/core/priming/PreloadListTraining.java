package com.userimages.core.priming;

import com.userimages.contract.ApiFunction;
import com.userimages.contract.Setting;
import com.userimages.core.model.ImageRef;
import com.userimages.core.model.NewCollection;
import com.userimages.core.model.UploadedFile;
import com.userimages.core.storage.ObjectKeys;
import com.userimages.core.storage.UploadIds;
import com.userimages.core.storage.UploadTarget;
import com.userimages.wiring.FunctionComponents;
import com.userimages.testing.DynamoDbExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes {@link ClassPreloader}'s lists: a build step (process-test-classes, before the tests and the
 * jars), not a test, so it lives in a source set of its own ({@code src/training/java}, compiled
 * against the test classes for the suite's dynalite, into {@code target/training-classes}). For each function, a fresh JVM with Lambda's flags runs its init and one
 * request against the suite's in-memory dynalite, with {@code -Xlog:class+load}; the classes it read
 * from the class path or the JDK's modules, in order, are the function's list. Classes from the
 * JDK's CDS archive (cheap already), hidden classes (lambdas, which cannot be loaded by name) and
 * this training's own are left out. A run that fails leaves its function without a list and says so
 * with a warning, but never fails the build (a jar without lists starts slower, nothing else):
 * {@code PreloadListsTest} is what fails when a list is missing.
 *
 * <p>Arguments: the main classes directory (the lists go under it), the build directory (logs).
 */
public final class PreloadListTraining {
    private static final List<String> LAMBDA_JVM_FLAGS = List.of(
            "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m");
    /** {@code [0.123s] name source: jrt:/java.base} or {@code source: file:/...}; anything else is not loaded by name. */
    private static final Pattern LOADED = Pattern.compile("^\\[[^]]*] (\\S+) source: (jrt:/\\S+|file:\\S+)$");
    private static final String USER = "preload-training";

    private PreloadListTraining() {}

    public static void main(String[] args) {
        try {
            train(Path.of(args[0]), Path.of(args[1]));
        } catch (Exception e) {
            System.out.println("[WARNING] no preload lists (" + e + "); the jars start without them");
        }
        // dynalite runs until the JVM exits (its shutdown hook stops it).
        System.exit(0);
    }

    private static void train(Path classes, Path buildDirectory) throws Exception {
        Path work = buildDirectory.resolve("preload-training");
        Path lists = classes.resolve(ClassPreloader.RESOURCE_DIRECTORY);
        // The runs must not preload from older lists, or those lists would train themselves.
        deleteLists(lists);
        Files.createDirectories(lists);
        Files.createDirectories(work);
        String classPath = System.getProperty("java.class.path");
        // As the log names a class's source: file:/abs/path/ (not a file:/// URI).
        // The training's own classes and the suite's are never a function's.
        Path target = classes.toAbsolutePath().getParent();
        List<String> notTheFunctions = List.of("file:" + target.resolve("test-classes"), "file:" + target.resolve("training-classes"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        // The suite's own in-memory dynalite and wiring, as every functions test uses them.
        FunctionComponents components = DynamoDbExtension.components();
        Map<String, String> env = new LinkedHashMap<>();
        env.put(Setting.DYNAMODB_ENDPOINT.name(), components.settings().value(Setting.DYNAMODB_ENDPOINT));
        env.put(Setting.AWS_REGION.name(), "us-east-1");
        env.put(Setting.PAGE_TOKEN_SECRET.name(), components.settings().value(Setting.PAGE_TOKEN_SECRET));
        // Signing is local: the bucket needs no engine behind it for the runs to presign.
        env.put(Setting.IMAGES_BUCKET.name(), "preload-training-images");
        env.put("AWS_ACCESS_KEY_ID", DynamoDbExtension.engineCredentials().accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", DynamoDbExtension.engineCredentials().secretAccessKey());
        for (ApiFunction function : ApiFunction.values()) {
            String collectionId = UUID.randomUUID().toString();
            String imageId = UUID.randomUUID().toString();
            // The cover an upload, so get-item and list-page presign its URL as they do in service.
            String uploadedId = UUID.randomUUID().toString();
            String uploadedKey = ObjectKeys.image(new UploadTarget(ObjectKeys.userKey(USER), collectionId, uploadedId,
                    new UploadIds(new SecureRandom()).next()));
            List<ImageRef> images = List.of(new ImageRef(uploadedId, ObjectKeys.url(uploadedKey), new UploadedFile("image/png", 4096)),
                    new ImageRef(imageId, "https://training.example/0.png"),
                    new ImageRef(UUID.randomUUID().toString(), "https://training.example/1.png"));
            components.collectionService().create(USER, new NewCollection(collectionId, "2026-01-01T00:00:00Z", images, "training"));

            Path log = work.resolve(function.functionName() + "-classes.log");
            Path output = work.resolve(function.functionName() + "-output.log");
            Files.deleteIfExists(log);
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(LAMBDA_JVM_FLAGS);
            command.addAll(List.of("-Xlog:class+load=info:file=" + log + ":uptime", "-cp", classPath,
                    PreloadTrainingRun.class.getName(), function.functionName(), USER, collectionId, imageId));
            ProcessBuilder run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
            run.environment().putAll(env);
            Process process = run.start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) process.destroyForcibly();
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            Matcher status = Pattern.compile("(?m)^STATUS (\\d{3})$").matcher(printed);
            if (process.exitValue() != 0 || !status.find() || !status.group(1).startsWith("2")) {
                System.out.println("[WARNING] preload training run of " + function.functionName() + " failed (see " + output
                        + "); its jar starts without a preload list");
                continue;
            }
            Set<String> names = loadedByName(log, notTheFunctions);
            List<String> lines = new ArrayList<>();
            lines.add("# " + function.functionName() + ": the classes its init and first request load, in order (PreloadListTraining)");
            lines.addAll(names);
            Files.write(lists.resolve(function.functionName() + ".classes"), lines, StandardCharsets.UTF_8);
            System.out.printf("preload list for %s: %d classes%n", function.functionName(), names.size());
        }
    }

    /** @param excludedUris class path entries whose classes are left out */
    static Set<String> loadedByName(Path log, List<String> excludedUris) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher loaded = LOADED.matcher(line);
            if (!loaded.matches() || excludedUris.stream().anyMatch(loaded.group(2)::startsWith)) continue;
            names.add(loaded.group(1));
        }
        return names;
    }

    private static void deleteLists(Path lists) throws IOException {
        if (!Files.isDirectory(lists)) return;
        try (var files = Files.newDirectoryStream(lists, "*.classes")) {
            for (Path file : files) Files.delete(file);
        }
    }
}
