package com.userimages.infra;

import com.userimages.contract.UserImagesTable;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.LocalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.constructs.Construct;

/** The {@code user_images} table (or a stage's {@code user_images-<stage>}) with the schema of {@link UserImagesTable} (API.md, "Data model"). */
final class ImagesTable {
    private ImagesTable() {}

    static Table create(Construct scope, String id, String tableName) {
        Table table = Table.Builder.create(scope, id)
                // The functions default TABLE_NAME to user_images and create-table creates it; a stage's own
                // table (user_images-<stage>) reaches them through TABLE_NAME.
                .tableName(tableName)
                .partitionKey(string(UserImagesTable.PARTITION_KEY))
                .sortKey(string(UserImagesTable.SORT_KEY))
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .pointInTimeRecoverySpecification(PointInTimeRecoverySpecification.builder()
                        .pointInTimeRecoveryEnabled(true)
                        .build())
                // Users' data outlives the stack: neither a delete nor a replacement may drop it.
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        table.addLocalSecondaryIndex(LocalSecondaryIndexProps.builder()
                .indexName(UserImagesTable.TIMESTAMP_INDEX)
                .sortKey(string(UserImagesTable.TIMESTAMP_INDEX_SORT_KEY))
                // Only what a listing returns, so listing reads small index entries.
                .projectionType(ProjectionType.INCLUDE)
                .nonKeyAttributes(UserImagesTable.TIMESTAMP_INDEX_PROJECTION)
                .build());
        return table;
    }

    private static Attribute string(String name) {
        return Attribute.builder().name(name).type(AttributeType.STRING).build();
    }
}
