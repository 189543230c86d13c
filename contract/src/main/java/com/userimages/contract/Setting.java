package com.userimages.contract;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Every setting the functions read (API.md, "Function configuration"): its name, its default and
 * what a valid value is. Values come from a {@link Settings} source (the environment in Lambda,
 * the local server's and the tests' own maps elsewhere), never from global state.
 */
public enum Setting {
    TABLE_NAME(UserImagesTable.DEFAULT_TABLE_NAME, Rule.TEXT),
    AWS_REGION("", Rule.TEXT),
    DYNAMODB_ENDPOINT("", Rule.URL),
    PAGE_TOKEN_SECRET_ARN("", Rule.TEXT),
    PAGE_TOKEN_SECRET("", Rule.SECRET),
    PAGE_TOKEN_PREVIOUS_SECRET("", Rule.SECRET),
    MAX_IMAGES_PER_REQUEST("100", Rule.POSITIVE_INT),
    MAX_IMAGES_PER_COLLECTION("1000", Rule.POSITIVE_INT),
    LIST_MAX_ITEMS_EVALUATED("2500", Rule.POSITIVE_INT),
    LIST_MAX_QUERY_CALLS("10", Rule.POSITIVE_INT),
    /** The bucket uploaded images live in (API.md, "Uploads"); its name is CloudFormation's. */
    IMAGES_BUCKET("", Rule.TEXT),
    /** Endpoint override for another S3 (s3rver locally), as {@link #DYNAMODB_ENDPOINT}; blank means AWS. */
    S3_ENDPOINT("", Rule.URL),
    /** 10 MiB. */
    MAX_UPLOAD_BYTES("10485760", Rule.POSITIVE_INT),
    MAX_UPLOADS_PER_REQUEST("10", Rule.POSITIVE_INT),
    UPLOAD_URL_SECONDS("600", Rule.POSITIVE_INT),
    DOWNLOAD_URL_SECONDS("900", Rule.POSITIVE_INT),
    /** {@code INFO}: a request line for every request; {@code WARN}: only for 5xx, 429 and 503 (metrics always). */
    LOG_LEVEL("INFO", Rule.LOG_LEVEL),
    /** The scope {@code POST /admin/table} needs, or {@code none} (API.md, "Authentication"). */
    ADMIN_SCOPE(RouteScopes.DEFAULT_ADMIN_SCOPE, Rule.SCOPES),
    /** The scopes a data route accepts, any one of them, comma-separated, or {@code none}. */
    DATA_SCOPES(String.join(",", RouteScopes.DEFAULT_DATA_SCOPES), Rule.SCOPES);

    /** Shorter than this is a configuration mistake, not a key. */
    public static final int MIN_SECRET_BYTES = 16;

    private enum Rule { TEXT, URL, SECRET, POSITIVE_INT, LOG_LEVEL, SCOPES }

    private final String defaultValue;
    private final Rule rule;

    Setting(String defaultValue, Rule rule) {
        this.defaultValue = defaultValue;
        this.rule = rule;
    }

    public String defaultValue() { return defaultValue; }

    /**
     * What is wrong with this (trimmed, non-blank) value, if anything: one short sentence naming
     * the setting and never repeating a secret's value.
     */
    public Optional<String> problem(String value) {
        return switch (rule) {
            case TEXT -> Optional.empty();
            case URL -> value.isEmpty() || value.startsWith("http://") || value.startsWith("https://")
                    ? Optional.empty()
                    : Optional.of("setting " + name() + " must be an http:// or https:// URL, was '" + value + "'");
            case SECRET -> value.isEmpty() || value.getBytes(StandardCharsets.UTF_8).length >= MIN_SECRET_BYTES
                    ? Optional.empty()
                    : Optional.of("setting " + name() + " must be at least " + MIN_SECRET_BYTES + " bytes");
            case POSITIVE_INT -> parsePositive(value) > 0
                    ? Optional.empty()
                    : Optional.of("setting " + name() + " must be a positive integer, was '" + value + "'");
            case LOG_LEVEL -> value.equalsIgnoreCase("INFO") || value.equalsIgnoreCase("WARN")
                    ? Optional.empty()
                    : Optional.of("setting " + name() + " must be INFO or WARN, was '" + value + "'");
            case SCOPES -> RouteScopes.problem(value).map(problem -> "setting " + name() + " " + problem);
        };
    }

    static int parsePositive(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
