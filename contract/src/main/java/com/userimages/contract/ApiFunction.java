package com.userimages.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The five Lambda functions: their deployed names, handler classes, the settings each reads and the
 * DynamoDB / Secrets Manager actions each calls. The single source the local server, the CDK stack
 * and the SAM parity test read, so a handler cannot be renamed or granted an action in one place only.
 */
public enum ApiFunction {
    CREATE_TABLE("create-table", "com.userimages.handlers.CreateTableHandler",
            List.of(Setting.TABLE_NAME, Setting.DYNAMODB_ENDPOINT, Setting.ADMIN_SCOPE),
            List.of("dynamodb:CreateTable", "dynamodb:DescribeTable")),
    APPEND_COLLECTION("append-collection", "com.userimages.handlers.AppendCollectionHandler",
            List.of(Setting.TABLE_NAME, Setting.DYNAMODB_ENDPOINT,
                    Setting.MAX_IMAGES_PER_REQUEST, Setting.MAX_IMAGES_PER_COLLECTION, Setting.DATA_SCOPES),
            List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem")),
    GET_ITEM("get-item", "com.userimages.handlers.GetItemHandler",
            List.of(Setting.TABLE_NAME, Setting.DYNAMODB_ENDPOINT, Setting.DATA_SCOPES),
            List.of("dynamodb:GetItem")),
    LIST_PAGE("list-page", "com.userimages.handlers.ListPageHandler",
            List.of(Setting.TABLE_NAME, Setting.DYNAMODB_ENDPOINT, Setting.PAGE_TOKEN_SECRET_ARN,
                    Setting.PAGE_TOKEN_SECRET, Setting.PAGE_TOKEN_PREVIOUS_SECRET,
                    Setting.LIST_MAX_ITEMS_EVALUATED, Setting.LIST_MAX_QUERY_CALLS, Setting.DATA_SCOPES),
            List.of("dynamodb:Query", "secretsmanager:GetSecretValue")),
    // Its own function so that DeleteItem is in no other function's role: a flaw in the write path
    // (append, reorder) can never delete a collection.
    DELETE_ITEM("delete-item", "com.userimages.handlers.DeleteItemHandler",
            List.of(Setting.TABLE_NAME, Setting.DYNAMODB_ENDPOINT, Setting.DATA_SCOPES),
            List.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"));

    private final String functionName;
    private final String handlerClassName;
    private final List<Setting> settings;
    private final List<String> iamActions;

    ApiFunction(String functionName, String handlerClassName, List<Setting> settings, List<String> iamActions) {
        this.functionName = functionName;
        this.handlerClassName = handlerClassName;
        this.settings = settings;
        this.iamActions = iamActions;
    }

    /** The function's short name as in API.md ({@code create-table}, ...). */
    public String functionName() { return functionName; }

    /** Fully qualified handler class; a string so reading the table never loads a handler (and its SDK clients). */
    public String handlerClassName() { return handlerClassName; }

    /** The Lambda handler string: {@code package.Class::handleRequest}. */
    public String handlerSpec() { return handlerClassName + "::handleRequest"; }

    /** Settings this function reads; the deployed environment declares exactly these (when they have a value). */
    public List<Setting> settings() { return settings; }

    /** The AWS actions this function calls: its role allows these and nothing else. */
    public List<String> iamActions() { return iamActions; }

    /** The function with this short name, if there is one. */
    public static Optional<ApiFunction> byName(String functionName) {
        return Arrays.stream(values()).filter(f -> f.functionName.equals(functionName)).findFirst();
    }
}
