package com.userimages.local;

import com.userimages.contract.Setting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Configures the hosted functions through Java system properties, which {@link Setting} reads before
 * the environment. Must run before the first handler class loads: handlers build their SDK clients
 * in static initialisers and read their settings then, once per JVM.
 */
final class FunctionSettings {
    static final String DEFAULT_REGION = "us-east-1";
    static final String SECRET_FILE = "page-token-secret";

    private FunctionSettings() {}

    /** @param dbPath where the embedded DynamoDB keeps its data (the page-token secret is kept there too), or null */
    static void apply(DynamoDbConnection db, Path dbPath, Map<String, String> env) throws IOException {
        System.setProperty(Setting.TABLE_NAME.name(), Setting.TABLE_NAME.value());
        System.setProperty(Setting.DYNAMODB_ENDPOINT.name(), db.endpoint().toString());

        String region = Setting.AWS_REGION.value();
        if (region.isBlank()) region = DEFAULT_REGION;
        System.setProperty(Setting.AWS_REGION.name(), region);
        // The SDK's own region chain reads aws.region, whatever a handler does with AWS_REGION.
        if (System.getProperty("aws.region") == null) System.setProperty("aws.region", region);

        if (db.embedded() || (db.local() && !credentialsConfigured(env))) {
            // DynamoDB Local accepts any credentials but the SDK insists on some; system properties come
            // first in the default chain, so a developer's real AWS keys are never sent to it.
            System.setProperty("aws.accessKeyId", "local");
            System.setProperty("aws.secretAccessKey", "local");
        }

        if (Setting.PAGE_TOKEN_SECRET.value().isBlank() && Setting.PAGE_TOKEN_SECRET_ARN.value().isBlank()) {
            System.setProperty(Setting.PAGE_TOKEN_SECRET.name(), dbPath == null ? newSecret() : persistentSecret(dbPath));
        }
    }

    private static boolean credentialsConfigured(Map<String, String> env) {
        if (System.getProperty("aws.accessKeyId") != null) return true;
        for (String name : new String[] {"AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_WEB_IDENTITY_TOKEN_FILE"}) {
            if (Args.env(env, name) != null) return true;
        }
        Path aws = Path.of(System.getProperty("user.home"), ".aws");
        return Files.exists(aws.resolve("credentials")) || Files.exists(aws.resolve("config"));
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
                Files.writeString(file, secret + "\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
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
