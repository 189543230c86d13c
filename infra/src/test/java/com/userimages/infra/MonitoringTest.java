package com.userimages.infra;

import static com.userimages.infra.TemplateModel.list;
import static com.userimages.infra.TemplateModel.map;
import static com.userimages.infra.TemplateModel.props;
import static com.userimages.infra.TemplateModel.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.OperationalMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MonitoringTest {
    private final TemplateModel model = Synth.shared().model();

    /** Alarms on a single metric: (namespace, metric name) → alarms, with the dimension values as targets. */
    private List<Map<String, Object>> alarmsOn(String namespace, String metricName) {
        return model.ofType("AWS::CloudWatch::Alarm").values().stream().map(TemplateModel::props)
                .filter(p -> namespace.equals(p.get("Namespace")) && metricName.equals(p.get("MetricName")))
                .toList();
    }

    private static Map<String, Object> dimensions(Map<String, Object> metric) {
        return list(metric.get("Dimensions")).stream().map(TemplateModel::map)
                .collect(Collectors.toMap(d -> (String) d.get("Name"), d -> d.get("Value")));
    }

    @ParameterizedTest
    @EnumSource(ApiFunction.class)
    void eachFunctionHasAnErrorsAndAThrottlesAlarm(ApiFunction spec) {
        String fn = FunctionsTest.function(model, spec).getKey();
        for (String metric : List.of("Errors", "Throttles")) {
            var alarms = alarmsOn("AWS/Lambda", metric).stream()
                    .filter(a -> dimensions(a).equals(Map.of("FunctionName", Map.of("Ref", fn)))).toList();
            assertEquals(1, alarms.size(), spec + " " + metric);
            Map<String, Object> a = alarms.get(0);
            assertEquals("Sum", a.get("Statistic"));
            assertEquals(1, ((Number) a.get("Threshold")).intValue());
            assertEquals("GreaterThanOrEqualToThreshold", a.get("ComparisonOperator"));
            assertEquals("notBreaching", a.get("TreatMissingData"), "no traffic is no problem");
        }
        assertEquals(ApiFunction.values().length, alarmsOn("AWS/Lambda", "Errors").size());
        assertEquals(ApiFunction.values().length, alarmsOn("AWS/Lambda", "Throttles").size());
    }

    @Test
    void api5xxRateIsErrorsOverRequestsOfThisApi() {
        String api = model.only("AWS::ApiGatewayV2::Api");
        var rate = model.ofType("AWS::CloudWatch::Alarm").values().stream().map(TemplateModel::props)
                .filter(p -> p.containsKey("Metrics") && list(p.get("Metrics")).stream()
                        .anyMatch(m -> String.valueOf(map(m).get("Expression")).contains("errors / requests")))
                .toList();
        assertEquals(1, rate.size());
        Map<String, Object> alarm = rate.get(0);
        Set<String> metricNames = new TreeSet<>();
        for (Object m : list(alarm.get("Metrics"))) {
            if (!map(m).containsKey("MetricStat")) continue;
            Map<String, Object> metric = map(map(map(m).get("MetricStat")).get("Metric"));
            assertEquals("AWS/ApiGateway", metric.get("Namespace"));
            assertEquals(Map.of("ApiId", Map.of("Ref", api)), dimensions(metric));
            metricNames.add((String) metric.get("MetricName"));
        }
        assertEquals(Set.of("5xx", "Count"), metricNames);
        assertEquals(Monitoring.API_5XX_PERCENT, ((Number) alarm.get("Threshold")).intValue());
    }

    @Test
    void p99IntegrationLatencyOfThisApi() {
        var alarms = alarmsOn("AWS/ApiGateway", "IntegrationLatency");
        assertEquals(1, alarms.size());
        assertEquals("p99", alarms.get(0).get("ExtendedStatistic"));
        assertEquals(Map.of("ApiId", Map.of("Ref", model.only("AWS::ApiGatewayV2::Api"))), dimensions(alarms.get(0)));
    }

    @Test
    void tableThrottlesAndSystemErrorsCoverEveryOperationTheFunctionsCall() {
        String table = model.only("AWS::DynamoDB::Table");
        // Derived, and what the functions module grants: GetItem, PutItem, Query, UpdateItem today.
        assertTrue(Monitoring.tableOperations().containsAll(List.of("GetItem", "PutItem", "Query", "UpdateItem")));
        for (String metricName : List.of("ThrottledRequests", "SystemErrors")) {
            var alarms = model.ofType("AWS::CloudWatch::Alarm").values().stream().map(TemplateModel::props)
                    .filter(p -> p.containsKey("Metrics") && list(p.get("Metrics")).stream().anyMatch(m ->
                            map(m).containsKey("MetricStat")
                                    && metricName.equals(map(map(map(m).get("MetricStat")).get("Metric")).get("MetricName"))))
                    .toList();
            assertEquals(1, alarms.size(), metricName);
            List<String> operations = new ArrayList<>();
            for (Object m : list(alarms.get(0).get("Metrics"))) {
                if (!map(m).containsKey("MetricStat")) continue;
                Map<String, Object> metric = map(map(map(m).get("MetricStat")).get("Metric"));
                assertEquals("AWS/DynamoDB", metric.get("Namespace"));
                Map<String, Object> dims = dimensions(metric);
                assertEquals(Map.of("Ref", table), dims.get("TableName"));
                operations.add((String) dims.get("Operation"));
            }
            assertEquals(Monitoring.tableOperations(), operations.stream().sorted().toList(), metricName);
        }
    }

    /** The functions' own metric (their request lines' EMF block), summed over those that delete objects. */
    @Test
    void anyOrphanedObjectInAnHourAlarms() {
        var alarms = model.ofType("AWS::CloudWatch::Alarm").values().stream().map(TemplateModel::props)
                .filter(p -> p.containsKey("Metrics") && list(p.get("Metrics")).stream().anyMatch(m -> map(m).containsKey("MetricStat")
                        && OperationalMetrics.ORPHANED_OBJECTS.equals(map(map(map(m).get("MetricStat")).get("Metric")).get("MetricName"))))
                .toList();
        assertEquals(1, alarms.size());
        Map<String, Object> alarm = alarms.getFirst();
        assertEquals(0, ((Number) alarm.get("Threshold")).intValue());
        assertEquals("GreaterThanThreshold", alarm.get("ComparisonOperator"));
        assertEquals(1, ((Number) alarm.get("EvaluationPeriods")).intValue());
        assertEquals("notBreaching", alarm.get("TreatMissingData"));
        List<String> functions = new ArrayList<>();
        for (Object m : list(alarm.get("Metrics"))) {
            if (!map(m).containsKey("MetricStat")) {
                assertEquals("FILL(orphaned0, 0) + FILL(orphaned1, 0)", map(m).get("Expression"));
                continue;
            }
            Map<String, Object> stat = map(map(m).get("MetricStat"));
            assertEquals(3600, ((Number) stat.get("Period")).intValue());
            assertEquals("Sum", stat.get("Stat"));
            Map<String, Object> metric = map(stat.get("Metric"));
            assertEquals(OperationalMetrics.NAMESPACE, metric.get("Namespace"));
            functions.add((String) dimensions(metric).get(OperationalMetrics.FUNCTION_DIMENSION));
        }
        // Those whose role may delete an object: the append (its discards and compensations) and the deletes.
        assertEquals(List.of(ApiFunction.APPEND_COLLECTION.functionName(), ApiFunction.DELETE_ITEM.functionName()), functions);
        assertEquals(List.of(ApiFunction.APPEND_COLLECTION, ApiFunction.DELETE_ITEM), Monitoring.orphaningFunctions());
    }

    @Test
    void everyAlarmNotifiesTheTopicOnAlarmAndOk() {
        String topic = model.only("AWS::SNS::Topic");
        var alarms = model.ofType("AWS::CloudWatch::Alarm");
        assertEquals(2 + 2 * ApiFunction.values().length + 2 + 1, alarms.size());
        alarms.forEach((id, a) -> {
            assertEquals(List.of(Map.of("Ref", topic)), props(a).get("AlarmActions"), id);
            assertEquals(List.of(Map.of("Ref", topic)), props(a).get("OKActions"), id);
        });
    }

    @Test
    void topicIsEncryptedWithARotatedKeyCloudWatchMayUseAndRefusesPlainHttp() {
        Map<String, Object> topic = props(model.resource(model.only("AWS::SNS::Topic")));
        String key = target(topic.get("KmsMasterKeyId"));
        Map<String, Object> keyProps = props(model.resource(key));
        assertEquals(true, keyProps.get("EnableKeyRotation"));
        var cloudWatch = list(map(keyProps.get("KeyPolicy")).get("Statement")).stream().map(TemplateModel::map)
                .filter(s -> Map.of("Service", "cloudwatch.amazonaws.com").equals(s.get("Principal"))).toList();
        assertEquals(1, cloudWatch.size(), "CloudWatch cannot publish to a topic whose key it may not use");
        assertTrue(list(cloudWatch.getFirst().get("Action")).containsAll(List.of("kms:Decrypt", "kms:GenerateDataKey*")));
        // Only for this account's alarms (the confused deputy): the same conditions as the topic policy's.
        Map<String, Object> condition = map(cloudWatch.getFirst().get("Condition"));
        assertEquals(Map.of("aws:SourceAccount", Map.of("Ref", "AWS::AccountId")), condition.get("StringEquals"));
        assertTrue(map(condition.get("ArnLike")).get("aws:SourceArn").toString().contains(":alarm:*"), condition.toString());

        Map<String, Object> policy = props(model.resource(model.only("AWS::SNS::TopicPolicy")));
        var statements = list(map(policy.get("PolicyDocument")).get("Statement")).stream().map(TemplateModel::map).toList();
        assertTrue(statements.stream().anyMatch(s -> "Deny".equals(s.get("Effect")) && "*".equals(s.get("Principal"))
                && Map.of("Bool", Map.of("aws:SecureTransport", "false")).equals(s.get("Condition"))), statements.toString());
        assertTrue(statements.stream().anyMatch(s -> "Allow".equals(s.get("Effect"))
                && Map.of("Service", "cloudwatch.amazonaws.com").equals(s.get("Principal"))
                && map(s.get("Condition")).containsKey("StringEquals")), "only this account's alarms may publish");
    }

    @Test
    void anEmailSubscriptionOnlyWhenAnAddressIsGiven() {
        assertEquals(Map.of(), model.ofType("AWS::SNS::Subscription"));
        var withEmail = Synth.userPool().model();
        var subscriptions = withEmail.ofType("AWS::SNS::Subscription").values();
        assertEquals(1, subscriptions.size());
        Map<String, Object> s = props(subscriptions.iterator().next());
        assertEquals("email", s.get("Protocol"));
        assertEquals(Synth.ALARM_EMAIL, s.get("Endpoint"));
        assertEquals(Map.of("Ref", withEmail.only("AWS::SNS::Topic")), s.get("TopicArn"));
    }

    /** The body with each reference written as ${LogicalId} (or ${LogicalId.Attr}). */
    static String dashboardBody(TemplateModel m) {
        Object body = props(m.ofType("AWS::CloudWatch::Dashboard").values().iterator().next()).get("DashboardBody");
        StringBuilder text = new StringBuilder();
        for (Object part : list(list(map(body).get("Fn::Join")).get(1))) {
            if (part instanceof String s) text.append(s);
            else if (map(part).get("Ref") instanceof String ref) text.append("${").append(ref).append('}');
            else text.append("${").append(String.join(".", list(map(part).get("Fn::GetAtt")).stream()
                    .map(String::valueOf).toList())).append('}');
        }
        return text.toString();
    }

    @Test
    void dashboardHasARowPerFunctionAndListsEveryAlarm() throws Exception {
        String json = dashboardBody(model);
        Map<?, ?> body = new ObjectMapper().readValue(json, Map.class);
        List<?> widgets = (List<?>) body.get("widgets");
        for (ApiFunction spec : ApiFunction.values()) {
            String fn = FunctionsTest.function(model, spec).getKey();
            long rows = widgets.stream().filter(w -> String.valueOf(w).contains("${" + fn + "}")).count();
            assertEquals(2, rows, spec + ": invocations/errors/throttles and duration");
        }
        for (String alarm : model.ofType("AWS::CloudWatch::Alarm").keySet()) {
            assertTrue(json.contains("${" + alarm + ".Arn}"), alarm + " missing from the alarm widget");
        }
        assertTrue(json.contains("ConsumedReadCapacityUnits") && json.contains("ConsumedWriteCapacityUnits"));
    }
}
