package com.userimages.testing;

/**
 * Which DynamoDB the suite runs on. By default dynalite; with {@code USER_IMAGES_TEST_DYNAMODB_ENDPOINT}
 * (an {@code https://dynamodb.REGION.amazonaws.com} endpoint) and {@code USER_IMAGES_TEST_TABLE} a real
 * table in AWS, so the same tests show where dynalite and DynamoDB differ. A test that depends on one
 * of the known differences asks {@link #isAws()} and asserts each engine's value, with the difference
 * written beside it.
 */
public final class Engine {
    static final String ENDPOINT_ENV = "USER_IMAGES_TEST_DYNAMODB_ENDPOINT";
    static final String TABLE_ENV = "USER_IMAGES_TEST_TABLE";

    private Engine() {}

    /** True when the suite runs against DynamoDB itself. */
    public static boolean isAws() {
        String endpoint = System.getenv(ENDPOINT_ENV);
        return endpoint != null && !endpoint.isBlank();
    }

    static String awsEndpoint() {
        return System.getenv(ENDPOINT_ENV).strip();
    }

    static String awsTable() {
        String table = System.getenv(TABLE_ENV);
        if (table == null || table.isBlank()) {
            throw new IllegalStateException(ENDPOINT_ENV + " is set: set " + TABLE_ENV + " to the table the tests may use too");
        }
        return table.strip();
    }
}
