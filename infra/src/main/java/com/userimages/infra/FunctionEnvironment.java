package com.userimages.infra;

import com.userimages.contract.ApiFunction;
import com.userimages.contract.RouteScopes;
import com.userimages.contract.Setting;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deployed environment of a function: of the settings it reads ({@link ApiFunction#settings()}),
 * exactly those that have a value in AWS. The rest keep their code defaults (API.md).
 */
final class FunctionEnvironment {
    private FunctionEnvironment() {}

    static Map<String, String> of(ApiFunction function, String tableName, String pageTokenSecretArn,
                                  String imagesBucketName, RouteScopes scopes) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Setting setting : function.settings()) {
            // Exhaustive on purpose: a new setting must be decided here, not silently left out.
            String value = switch (setting) {
                case TABLE_NAME -> tableName;
                case PAGE_TOKEN_SECRET_ARN -> pageTokenSecretArn;
                // Lambda sets it and reserves the name.
                case AWS_REGION -> null;
                // Local-only: unset in AWS means the real DynamoDB and the secret from its ARN.
                case DYNAMODB_ENDPOINT, PAGE_TOKEN_SECRET, PAGE_TOKEN_PREVIOUS_SECRET -> null;
                // The contract's bounds; changing one is a code review, not a console edit.
                case MAX_IMAGES_PER_REQUEST, MAX_IMAGES_PER_COLLECTION,
                     LIST_MAX_ITEMS_EVALUATED, LIST_MAX_QUERY_CALLS,
                     MAX_UPLOAD_BYTES, MAX_UPLOADS_PER_REQUEST, UPLOAD_URL_SECONDS, DOWNLOAD_URL_SECONDS -> null;
                case IMAGES_BUCKET -> imagesBucketName;
                // Local-only, as DYNAMODB_ENDPOINT: unset in AWS means the real S3.
                case S3_ENDPOINT -> null;
                // Its code default (INFO): an operator turns it up on one function without a redeploy of the stack.
                case LOG_LEVEL -> null;
                // Always declared, so the function checks exactly what the gateway's routes demand.
                case ADMIN_SCOPE -> scopes.adminSetting();
                case DATA_SCOPES -> scopes.dataSetting();
            };
            if (value != null) env.put(setting.name(), value);
        }
        return env;
    }
}
