package com.userimages.handlers;

import com.userimages.contract.Setting;
import com.userimages.core.data.CollectionRepository;
import com.userimages.core.data.AwsClients;
import com.userimages.core.data.TableAdmin;
import com.userimages.core.model.Bounds;
import com.userimages.core.service.ListCollectionsService;
import com.userimages.core.pagination.PageTokenCodec;
import com.userimages.core.pagination.PageTokenSecrets;
import com.userimages.core.pagination.ReadBudget;
import com.userimages.core.service.CollectionService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The per-container objects the handlers share, built from the settings on first use (in a
 * handler's static init, so inside Lambda's init phase and the SnapStart snapshot). The local
 * server hosts all handlers in one JVM, where they share the one client too.
 */
public final class FunctionComponents {
    private FunctionComponents() {}

    private static final class DynamoDbHolder {
        static final DynamoDbClient CLIENT = AwsClients.dynamoDb();
    }

    public static DynamoDbClient dynamoDb() {
        return DynamoDbHolder.CLIENT;
    }

    public static CollectionRepository collectionRepository() {
        return new CollectionRepository(dynamoDb(), Setting.TABLE_NAME.value());
    }

    public static CollectionService collectionService() {
        return new CollectionService(collectionRepository(), Bounds.fromSettings());
    }

    /** list-page's service; the only wiring that reads the page-token secret (from Secrets Manager when configured). */
    public static ListCollectionsService listCollectionsService() {
        return new ListCollectionsService(collectionRepository(), new PageTokenCodec(PageTokenSecrets.fromSettings()),
                ReadBudget.fromSettings());
    }

    public static TableAdmin tableAdmin() {
        return new TableAdmin(dynamoDb(), Setting.TABLE_NAME.value());
    }
}
