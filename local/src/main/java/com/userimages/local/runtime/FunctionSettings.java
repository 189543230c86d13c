package com.userimages.local.runtime;

import com.userimages.contract.ApiFunction;
import com.userimages.contract.Setting;
import com.userimages.contract.Settings;
import com.userimages.core.data.AwsClients;
import com.userimages.wiring.FunctionComponents;
import com.userimages.local.gateway.ConsoleText;
import com.userimages.local.engine.DynamoDbConnection;
import com.userimages.local.engine.S3Connection;
import com.userimages.local.engine.StartupException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The settings the hosted functions run with: the environment's, with the DynamoDB and the S3 (its
 * endpoint and bucket) this process uses, a region and (unless one was given) a page-token secret
 * filled in, as one {@link Settings} value handed to the handlers' wiring, with the one credentials
 * provider their DynamoDB and S3 clients sign with. Nothing global is set.
 */
public final class FunctionSettings {
    public static final String SECRET_FILE = "page-token-secret";

    /**
     * Read by every function's shared wiring (its request log, FunctionComponents.requestLog) rather
     * than by one function's own code, so no {@link ApiFunction#settings()} lists it.
     */
    private static final Set<Setting> EVERY_FUNCTIONS_WIRING = EnumSet.of(Setting.LOG_LEVEL);

    /** Every setting any hosted function reads: the server checks them all before it is ready. */
    public static final Set<Setting> EVERY_FUNCTION = Arrays.stream(ApiFunction.values())
            .flatMap(f -> readBy(f).stream()).collect(Collectors.toCollection(() -> EnumSet.noneOf(Setting.class)));

    private FunctionSettings() {}

    /** The settings this function reads when it runs: its own and its wiring's. */
    public static Set<Setting> readBy(ApiFunction function) {
        Set<Setting> settings = EnumSet.copyOf(EVERY_FUNCTIONS_WIRING);
        settings.addAll(function.settings());
        return settings;
    }

    /**
     * @param dbPath where the started engines keep their data (the page-token secret is kept there too), or null
     * @param validated the settings that must be usable; the first that is not stops the start with one line
     * @param requestLog where the functions' request lines go: the server's console, or invoke's stderr
     */
    public static FunctionComponents components(DynamoDbConnection db, S3Connection s3, Path dbPath, Map<String, String> env,
                                         Collection<Setting> validated, Consumer<String> requestLog) throws IOException, StartupException {
        Settings settings = Settings.from(name -> variable(env, name))
                .with(Setting.DYNAMODB_ENDPOINT, db.endpoint().toString())
                .with(Setting.S3_ENDPOINT, s3.endpoint().toString())
                .with(Setting.IMAGES_BUCKET, s3.bucket());
        settings = settings.with(Setting.AWS_REGION, AwsClients.region(settings));
        if (settings.value(Setting.PAGE_TOKEN_SECRET).isBlank() && settings.value(Setting.PAGE_TOKEN_SECRET_ARN).isBlank()) {
            settings = settings.with(Setting.PAGE_TOKEN_SECRET, dbPath == null ? newSecret() : persistentSecret(dbPath));
        }
        var problem = settings.problem(validated);
        // The message quotes the value as the environment gave it: escaped, it stays one printable line.
        if (problem.isPresent()) throw new StartupException(ConsoleText.escape(problem.get(), 300));

        FunctionComponents.Builder components = FunctionComponents.builder(settings).requestLogSink(requestLog);
        // One provider for both clients: the run key whenever this run started an engine (both started
        // engines let it through, and an external one beside a started one was given it: RunKey).
        var engineKey = db.engineCredentials().or(s3::engineCredentials);
        if (engineKey.isPresent()) {
            // The engines' guards let only this run's key through; a developer's real AWS keys never reach them.
            components.credentials(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(engineKey.get().accessKeyId(), engineKey.get().secretAccessKey())));
        } else if (db.loopback() && s3.loopback()) {
            String keyId = variable(env, "AWS_ACCESS_KEY_ID");
            String secret = variable(env, "AWS_SECRET_ACCESS_KEY");
            if (keyId != null && secret != null) {
                // An engine on this machine behind a guard like ours checks the key id it was given.
                components.credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret)));
            } else if (!credentialsConfigured(env)) {
                // An unguarded engine on this machine accepts any credentials but the SDK insists on some.
                components.credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
            }
        }
        return components.build();
    }

    private static boolean credentialsConfigured(Map<String, String> env) {
        if (System.getProperty("aws.accessKeyId") != null) return true;
        for (String name : new String[] {"AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_WEB_IDENTITY_TOKEN_FILE"}) {
            if (variable(env, name) != null) return true;
        }
        Path aws = Path.of(System.getProperty("user.home"), ".aws");
        return Files.exists(aws.resolve("credentials")) || Files.exists(aws.resolve("config"));
    }

    /** An environment variable's value, trimmed; a blank one counts as absent (null). */
    public static String variable(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /**
     * Hex: every reading of the value works — as text, or decoded as hex or base64 — whichever way the
     * list-page function turns the secret into key bytes.
     */
    static String newSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** Page tokens handed out before a restart on the same --db-path must still be accepted after it. */
    static String persistentSecret(Path dbPath) throws IOException {
        Path file = dbPath.resolve(SECRET_FILE);
        if (!Files.exists(file)) {
            Files.createDirectories(dbPath);
            String secret = newSecret();
            try {
                Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // Not a POSIX file system (Windows): the directory's own permissions apply.
                }
            } catch (FileAlreadyExistsException raced) {
                // Another process created it first; use theirs.
            }
        }
        String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (secret.isEmpty()) throw new IOException(file + " is empty; delete it to have a new page-token secret made");
        return secret;
    }
}
