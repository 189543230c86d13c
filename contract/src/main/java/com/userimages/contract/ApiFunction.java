package com.userimages.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The five Lambda functions: their deployed names, handler classes, the settings each reads, the
 * DynamoDB / Secrets Manager / S3 bucket actions each calls and the S3 actions on which key prefixes
 * ({@link ObjectAccess}). The single source the local server, the CDK stack and the SAM parity test
 * read, so a handler cannot be renamed or granted an action in one place only.
 */
public enum ApiFunction {
    CREATE_TABLE("create-table", "com.userimages.handlers.CreateTableHandler",
            List.of(Setting.TABLE_NAME, Setting.DYNAMODB_ENDPOINT, Setting.ADMIN_SCOPE),
            List.of("dynamodb:CreateTable", "dynamodb:DescribeTable"),
            List.of()),
    APPEND_COLLECTION("append-collection", "com.userimages.handlers.AppendCollectionHandler",
            List.of(Setting.TABLE_NAME, Setting.DYNAMODB_ENDPOINT,
                    Setting.MAX_IMAGES_PER_REQUEST, Setting.MAX_IMAGES_PER_COLLECTION, Setting.DATA_SCOPES,
                    Setting.IMAGES_BUCKET, Setting.S3_ENDPOINT, Setting.MAX_UPLOAD_BYTES,
                    Setting.MAX_UPLOADS_PER_REQUEST, Setting.UPLOAD_URL_SECONDS),
            // s3:ListBucket: without it S3 answers a HeadObject of a missing pending upload 403, not
            // 404, and a missing upload (409 UPLOAD_MISSING) could not be told from a refusal.
            List.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "s3:ListBucket"),
            // PutObject on uploads/: it presigns the client's PUT. GetObject: HeadObject and the ranged
            // read of the pending object, and CopyObject's source. PutObject on images/: CopyObject's
            // destination. DeleteObject: invalid uploads, the pending objects after the append, and
            // the request's own copies when the append is refused.
            List.of(ObjectAccess.on(ObjectAccess.UPLOADS_PREFIX, "s3:PutObject", "s3:GetObject", "s3:DeleteObject"),
                    ObjectAccess.on(ObjectAccess.IMAGES_PREFIX, "s3:PutObject", "s3:DeleteObject"))),
    GET_ITEM("get-item", "com.userimages.handlers.GetItemHandler",
            List.of(Setting.TABLE_NAME, Setting.DYNAMODB_ENDPOINT, Setting.DATA_SCOPES,
                    Setting.IMAGES_BUCKET, Setting.S3_ENDPOINT, Setting.DOWNLOAD_URL_SECONDS),
            List.of("dynamodb:GetItem"),
            // Presigned GETs only: the signer must be allowed the GET it signs.
            List.of(ObjectAccess.on(ObjectAccess.IMAGES_PREFIX, "s3:GetObject"))),
    LIST_PAGE("list-page", "com.userimages.handlers.ListPageHandler",
            List.of(Setting.TABLE_NAME, Setting.DYNAMODB_ENDPOINT, Setting.PAGE_TOKEN_SECRET_ARN,
                    Setting.PAGE_TOKEN_SECRET, Setting.PAGE_TOKEN_PREVIOUS_SECRET,
                    Setting.LIST_MAX_ITEMS_EVALUATED, Setting.LIST_MAX_QUERY_CALLS, Setting.DATA_SCOPES,
                    Setting.IMAGES_BUCKET, Setting.S3_ENDPOINT, Setting.DOWNLOAD_URL_SECONDS),
            List.of("dynamodb:Query", "secretsmanager:GetSecretValue"),
            // The covers' presigned GETs.
            List.of(ObjectAccess.on(ObjectAccess.IMAGES_PREFIX, "s3:GetObject"))),
    // Its own function so that DeleteItem is in no other function's role: a flaw in the write path
    // (append, reorder) can never delete a collection.
    DELETE_ITEM("delete-item", "com.userimages.handlers.DeleteItemHandler",
            List.of(Setting.TABLE_NAME, Setting.DYNAMODB_ENDPOINT, Setting.DATA_SCOPES,
                    Setting.IMAGES_BUCKET, Setting.S3_ENDPOINT),
            List.of("dynamodb:GetItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"),
            // The objects its DynamoDB write removed (DeleteObjects needs only this, key by key).
            List.of(ObjectAccess.on(ObjectAccess.IMAGES_PREFIX, "s3:DeleteObject")));

    private final String functionName;
    private final String handlerClassName;
    private final List<Setting> settings;
    private final List<String> iamActions;
    private final List<ObjectAccess> objectAccess;

    ApiFunction(String functionName, String handlerClassName, List<Setting> settings, List<String> iamActions,
                List<ObjectAccess> objectAccess) {
        this.functionName = functionName;
        this.handlerClassName = handlerClassName;
        this.settings = settings;
        this.iamActions = iamActions;
        this.objectAccess = objectAccess;
    }

    /** The function's short name as in API.md ({@code create-table}, ...). */
    public String functionName() { return functionName; }

    /** Fully qualified handler class; a string so reading the table never loads a handler (and its SDK clients). */
    public String handlerClassName() { return handlerClassName; }

    /** The Lambda handler string: {@code package.Class::handleRequest}. */
    public String handlerSpec() { return handlerClassName + "::handleRequest"; }

    /** Settings this function reads; the deployed environment declares exactly these (when they have a value). */
    public List<Setting> settings() { return settings; }

    /**
     * The AWS actions this function calls on whole resources (the table or its index, the secret,
     * the images bucket itself): its role allows these, and {@link #objectAccess()}, and nothing else.
     */
    public List<String> iamActions() { return iamActions; }

    /** The S3 actions it calls on the images bucket's keys, prefix by prefix; empty for a function that never touches S3. */
    public List<ObjectAccess> objectAccess() { return objectAccess; }

    /** Whether it calls S3 at all (and so reads {@link Setting#IMAGES_BUCKET}). */
    public boolean usesImagesBucket() { return !objectAccess.isEmpty(); }

    /** The function with this short name, if there is one. */
    public static Optional<ApiFunction> byName(String functionName) {
        return Arrays.stream(values()).filter(f -> f.functionName.equals(functionName)).findFirst();
    }
}
