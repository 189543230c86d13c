package com.userimages.core;

/**
 * Every setting the functions read (API.md, "Function configuration"), with its default. Values
 * come from a Java system property first, then the environment, so the local server can host the
 * handlers in its own JVM and still configure them.
 */
public enum Setting {
    TABLE_NAME(UserImagesTable.DEFAULT_TABLE_NAME),
    AWS_REGION(""),
    DYNAMODB_ENDPOINT(""),
    PAGE_TOKEN_SECRET_ARN(""),
    PAGE_TOKEN_SECRET(""),
    PAGE_TOKEN_PREVIOUS_SECRET(""),
    MAX_IMAGES_PER_REQUEST("100"),
    MAX_IMAGES_PER_COLLECTION("1000"),
    LIST_MAX_ITEMS_EVALUATED("2500"),
    LIST_MAX_QUERY_CALLS("10");

    private final String defaultValue;

    Setting(String defaultValue) {
        this.defaultValue = defaultValue;
    }

    public String defaultValue() { return defaultValue; }

    /** The configured value, trimmed; blank or unset gives the default. */
    public String value() {
        String v = System.getProperty(name());
        if (v == null || v.isBlank()) v = System.getenv(name());
        return v == null || v.isBlank() ? defaultValue : v.trim();
    }

    /** A positive whole-number setting; a malformed value fails at init, loudly, not on a request. */
    public int intValue() {
        String v = value();
        try {
            int n = Integer.parseInt(v);
            if (n <= 0) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalStateException("setting " + name() + " must be a positive integer, was '" + v + "'");
        }
    }
}
