package com.userimages.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.userimages.contract.UserImagesTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class TableTest {
    private final Template template = Synth.shared().template();

    @Test
    void oneTableWithTheSchemaOfUserImagesTable() {
        template.resourceCountIs("AWS::DynamoDB::Table", 1);
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "TableName", UserImagesTable.DEFAULT_TABLE_NAME,
                "BillingMode", "PAY_PER_REQUEST",
                "KeySchema", List.of(
                        Map.of("AttributeName", UserImagesTable.PARTITION_KEY, "KeyType", "HASH"),
                        Map.of("AttributeName", UserImagesTable.SORT_KEY, "KeyType", "RANGE")),
                "AttributeDefinitions", Match.arrayWith(List.of(
                        Map.of("AttributeName", UserImagesTable.PARTITION_KEY, "AttributeType", "S"),
                        Map.of("AttributeName", UserImagesTable.SORT_KEY, "AttributeType", "S"),
                        Map.of("AttributeName", UserImagesTable.TIMESTAMP_INDEX_SORT_KEY, "AttributeType", "S")))));
    }

    @Test
    void timestampIndexProjectsOnlyWhatAListingReturns() {
        template.hasResourceProperties("AWS::DynamoDB::Table", Map.of(
                "LocalSecondaryIndexes", List.of(Map.of(
                        "IndexName", UserImagesTable.TIMESTAMP_INDEX,
                        "KeySchema", List.of(
                                Map.of("AttributeName", UserImagesTable.PARTITION_KEY, "KeyType", "HASH"),
                                Map.of("AttributeName", UserImagesTable.TIMESTAMP_INDEX_SORT_KEY, "KeyType", "RANGE")),
                        "Projection", Map.of(
                                "ProjectionType", "INCLUDE",
                                "NonKeyAttributes", UserImagesTable.TIMESTAMP_INDEX_PROJECTION)))));
    }

    @Test
    void dataSurvivesStackDeletionAndMistakes() {
        template.hasResource("AWS::DynamoDB::Table", Map.of(
                "DeletionPolicy", "Retain",
                "UpdateReplacePolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "DeletionProtectionEnabled", true,
                        "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true)))));
    }

    @Test
    void onlyTheThreeKeyAttributesAreDeclared() {
        // DynamoDB rejects attribute definitions no key uses; this catches a stray one early.
        var table = Synth.shared().model().ofType("AWS::DynamoDB::Table").values().iterator().next();
        assertEquals(3, TemplateModel.list(TemplateModel.props(table).get("AttributeDefinitions")).size());
    }
}
