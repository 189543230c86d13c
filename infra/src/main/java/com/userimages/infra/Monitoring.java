package com.userimages.infra;

import com.userimages.contract.ApiFunction;
import com.userimages.contract.OperationalMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.AlarmStatusWidget;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.IWidget;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * Alarms on what needs a person (API 5xx rate, p99 integration latency, each function's errors and
 * throttles, the table's throttled requests and system errors, objects a delete left behind), all notifying one encrypted,
 * TLS-only SNS topic, and a dashboard of the same metrics. Per-function parts come from
 * {@link ApiFunction#values()}, the table's operations from the functions' DynamoDB actions.
 */
final class Monitoring extends Construct {
    /** Percent of requests answered 5xx, over {@link #RATE_PERIODS} one-minute periods. */
    static final int API_5XX_PERCENT = 1;
    /** Milliseconds; create-table's legitimate wait (up to 20 s) is rare enough not to hold p99 for 3 minutes. */
    static final int P99_INTEGRATION_LATENCY_MS = 3000;
    /** Rate and latency alarms: 3 of 5 one-minute periods, so one slow burst is no page. */
    static final int RATE_PERIODS = 5;
    static final int RATE_DATAPOINTS = 3;
    /** Count alarms (errors, throttles): any one in five minutes is worth a look. */
    static final Duration COUNT_PERIOD = Duration.minutes(5);
    /**
     * Objects left behind: none is urgent (each is a stored image nobody references) but any is
     * worth a look, so one hour's sum, which also keeps a burst of failed deletes to one notification.
     */
    static final Duration ORPHANED_OBJECTS_PERIOD = Duration.hours(1);

    private final Topic topic;
    private final Dashboard dashboard;
    private final List<IAlarm> alarms = new ArrayList<>();
    // By construct id, for what must watch one of them (a traffic shift's automatic rollback).
    private final Map<String, IAlarm> alarmsById = new LinkedHashMap<>();

    Monitoring(Construct scope, String id, String apiId, LambdaFunctions functions, String tableName, String alarmEmail) {
        super(scope, id);
        topic = alarmTopic(alarmEmail);
        ApiMetrics api = apiAlarms(apiId);
        List<IWidget> functionWidgets = functionAlarms(functions);
        TableMetrics table = tableAlarms(tableName);
        orphanedObjectsAlarm();
        dashboard = dashboard(apiId, api, functionWidgets, tableName, table);
    }

    /** The API's metrics that both an alarm and the dashboard show. */
    private record ApiMetrics(Metric requests, Metric serverErrors, Metric p99) {}

    /** The table's per-operation sums that both an alarm and the dashboard show. */
    private record TableMetrics(MathExpression throttles, MathExpression systemErrors) {}

    private Topic alarmTopic(String alarmEmail) {
        // CloudWatch can publish to an encrypted topic only with a customer-managed key that lets it.
        Key key = Key.Builder.create(this, "AlarmTopicKey")
                .description("user-images: encrypts the alarm topic")
                .enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.DESTROY)
                .pendingWindow(Duration.days(7))
                .build();
        // Only for this account's alarms: without the conditions CloudWatch would use the key for any
        // account's alarm that names this topic (the confused-deputy case).
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(alarmsOfThisAccount())
                .build());
        Topic alarmTopic = Topic.Builder.create(this, "AlarmTopic")
                .displayName("user-images alarms")
                .masterKey(key)
                .enforceSsl(true)
                .build();
        // The topic policy replaces SNS's default one: name the alarms of this account as publishers.
        alarmTopic.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowCloudWatchAlarms")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("sns:Publish"))
                .resources(List.of(alarmTopic.getTopicArn()))
                .conditions(alarmsOfThisAccount())
                .build());
        if (!alarmEmail.isEmpty()) alarmTopic.addSubscription(new EmailSubscription(alarmEmail));
        return alarmTopic;
    }

    private ApiMetrics apiAlarms(String apiId) {
        Metric requests = api(apiId, "Count", "Sum", Duration.minutes(1));
        Metric serverErrors = api(apiId, "5xx", "Sum", Duration.minutes(1));
        MathExpression errorRate = MathExpression.Builder.create()
                .expression("IF(requests > 0, 100 * errors / requests, 0)")
                // Sorted: Map.of's order changes from run to run, and with it the synthesized template.
                .usingMetrics(new TreeMap<>(Map.of("requests", requests, "errors", serverErrors)))
                .label("5xx %")
                .period(Duration.minutes(1))
                .build();
        alarm("Api5xxRate", "HTTP API: more than " + API_5XX_PERCENT + "% of requests answered 5xx",
                errorRate, API_5XX_PERCENT, ComparisonOperator.GREATER_THAN_THRESHOLD, RATE_PERIODS, RATE_DATAPOINTS);
        Metric p99 = api(apiId, "IntegrationLatency", "p99", Duration.minutes(1));
        alarm("ApiIntegrationLatencyP99", "HTTP API: p99 integration latency above " + P99_INTEGRATION_LATENCY_MS + " ms",
                p99, P99_INTEGRATION_LATENCY_MS, ComparisonOperator.GREATER_THAN_THRESHOLD, RATE_PERIODS, RATE_DATAPOINTS);
        return new ApiMetrics(requests, serverErrors, p99);
    }

    /** Each function's error and throttle alarms; returns its dashboard row (two widgets per function). */
    private List<IWidget> functionAlarms(LambdaFunctions functions) {
        List<IWidget> functionWidgets = new ArrayList<>();
        for (ApiFunction spec : ApiFunction.values()) {
            String name = LogicalIds.pascal(spec.functionName());
            String functionName = functions.get(spec).function().getFunctionName();
            Metric errors = lambda(functionName, "Errors", "Sum", COUNT_PERIOD);
            Metric throttles = lambda(functionName, "Throttles", "Sum", COUNT_PERIOD);
            alarm(name + "Errors", spec.functionName() + ": invocations ended in an unhandled error",
                    errors, 1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 1);
            alarm(name + "Throttles", spec.functionName() + ": invocations throttled by Lambda",
                    throttles, 1, ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 1);
            // One row per function: invocations and failures on the left, duration on the right.
            functionWidgets.add(graph(spec.functionName() + ": invocations, errors, throttles", 12, List.of(
                    lambda(functionName, "Invocations", "Sum", Duration.minutes(1)),
                    lambda(functionName, "Errors", "Sum", Duration.minutes(1)),
                    lambda(functionName, "Throttles", "Sum", Duration.minutes(1)))));
            functionWidgets.add(graph(spec.functionName() + ": duration (ms)", 12, List.of(
                    lambda(functionName, "Duration", "p50", Duration.minutes(1)),
                    lambda(functionName, "Duration", "p99", Duration.minutes(1)),
                    lambda(functionName, "Duration", "Maximum", Duration.minutes(1)))));
        }
        return functionWidgets;
    }

    private TableMetrics tableAlarms(String tableName) {
        MathExpression tableThrottles = perOperation(tableName, "ThrottledRequests", "throttled", "throttled requests");
        MathExpression tableSystemErrors = perOperation(tableName, "SystemErrors", "errors", "system errors");
        alarm("TableThrottledRequests", "DynamoDB: requests throttled", tableThrottles, 1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 1);
        alarm("TableSystemErrors", "DynamoDB: requests failed with a server-side error", tableSystemErrors, 1,
                ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD, 1, 1);
        return new TableMetrics(tableThrottles, tableSystemErrors);
    }

    /**
     * The functions that delete objects (and count what they could not) write {@code OrphanedObjects}
     * in their request line's EMF block, per function: the alarm sums them.
     */
    private void orphanedObjectsAlarm() {
        Map<String, IMetric> metrics = new LinkedHashMap<>();
        List<String> terms = new ArrayList<>();
        List<ApiFunction> deleting = orphaningFunctions();
        for (int i = 0; i < deleting.size(); i++) {
            metrics.put("orphaned" + i, metric(OperationalMetrics.NAMESPACE, OperationalMetrics.ORPHANED_OBJECTS,
                    Map.of(OperationalMetrics.FUNCTION_DIMENSION, deleting.get(i).functionName()), "Sum",
                    ORPHANED_OBJECTS_PERIOD));
            // A function that deleted nothing this hour wrote no datapoint.
            terms.add("FILL(orphaned" + i + ", 0)");
        }
        MathExpression orphaned = MathExpression.Builder.create()
                .expression(String.join(" + ", terms))
                .usingMetrics(metrics)
                .label("orphaned objects")
                .period(ORPHANED_OBJECTS_PERIOD)
                .build();
        alarm("OrphanedObjects", "S3: objects a delete left behind (the request lines' orphanedObjects)", orphaned, 0,
                ComparisonOperator.GREATER_THAN_THRESHOLD, 1, 1);
    }

    /** Those whose role may delete objects: only they can fail to. */
    static List<ApiFunction> orphaningFunctions() {
        return Arrays.stream(ApiFunction.values())
                .filter(f -> f.objectAccess().stream().anyMatch(a -> a.actions().contains("s3:DeleteObject")))
                .toList();
    }

    private Dashboard dashboard(String apiId, ApiMetrics api, List<IWidget> functionWidgets, String tableName, TableMetrics table) {
        Dashboard board = Dashboard.Builder.create(this, "Dashboard")
                .defaultInterval(Duration.hours(3))
                .build();
        board.addWidgets(
                graph("API: requests, 4xx, 5xx", List.of(api.requests(), api(apiId, "4xx", "Sum", Duration.minutes(1)), api.serverErrors())),
                graph("API: latency (ms)", List.of(api(apiId, "Latency", "p50", Duration.minutes(1)),
                        api(apiId, "Latency", "p99", Duration.minutes(1)), api.p99())),
                AlarmStatusWidget.Builder.create().title("Alarms").alarms(alarms).width(8).height(6).build());
        for (int i = 0; i < functionWidgets.size(); i += 2) {
            board.addWidgets(functionWidgets.get(i), functionWidgets.get(i + 1));
        }
        board.addWidgets(
                graph("DynamoDB: consumed capacity units", 12, List.of(
                        dynamodb(tableName, "ConsumedReadCapacityUnits", Map.of()),
                        dynamodb(tableName, "ConsumedWriteCapacityUnits", Map.of()))),
                graph("DynamoDB: throttled requests, system errors", 12, List.of(table.throttles(), table.systemErrors())));
        return board;
    }

    /**
     * The data-plane calls the functions make (their {@code dynamodb:} actions minus the table
     * management ones): DynamoDB reports throttles and system errors per table and operation.
     */
    static List<String> tableOperations() {
        return Arrays.stream(ApiFunction.values())
                .flatMap(f -> f.iamActions().stream())
                .filter(a -> a.startsWith("dynamodb:"))
                .map(a -> a.substring("dynamodb:".length()))
                .filter(op -> !op.equals("CreateTable") && !op.equals("DescribeTable"))
                .distinct()
                .sorted()
                .toList();
    }

    /** {@code idPrefix}: one graph shows both sums, and metric ids must differ across them. */
    private static MathExpression perOperation(String tableName, String metricName, String idPrefix, String label) {
        Map<String, IMetric> metrics = new LinkedHashMap<>();
        List<String> terms = new ArrayList<>();
        List<String> operations = tableOperations();
        for (int i = 0; i < operations.size(); i++) {
            metrics.put(idPrefix + i, dynamodb(tableName, metricName, Map.of("Operation", operations.get(i))));
            // An operation that saw none reports no datapoint; without FILL the whole sum would be missing.
            terms.add("FILL(" + idPrefix + i + ", 0)");
        }
        return MathExpression.Builder.create()
                .expression(String.join(" + ", terms))
                .usingMetrics(metrics)
                .label(label)
                .period(COUNT_PERIOD)
                .build();
    }

    private void alarm(String id, String description, IMetric metric, double threshold,
                       ComparisonOperator comparison, int evaluationPeriods, int datapoints) {
        Alarm alarm = Alarm.Builder.create(this, id + "Alarm")
                .alarmDescription("user-images " + description)
                .metric(metric)
                .threshold(threshold)
                .comparisonOperator(comparison)
                .evaluationPeriods(evaluationPeriods)
                .datapointsToAlarm(datapoints)
                // No traffic is no problem.
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(new SnsAction(topic));
        alarm.addOkAction(new SnsAction(topic));
        alarms.add(alarm);
        alarmsById.put(id, alarm);
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return graph(title, 8, metrics);
    }

    private static GraphWidget graph(String title, int width, List<IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(width).height(6).build();
    }

    private static Metric api(String apiId, String name, String statistic, Duration period) {
        return metric("AWS/ApiGateway", name, Map.of("ApiId", apiId), statistic, period);
    }

    private static Metric lambda(String functionName, String name, String statistic, Duration period) {
        return metric("AWS/Lambda", name, Map.of("FunctionName", functionName), statistic, period);
    }

    private static Metric dynamodb(String tableName, String name, Map<String, String> more) {
        Map<String, String> dimensions = new LinkedHashMap<>(Map.of("TableName", tableName));
        dimensions.putAll(more);
        return metric("AWS/DynamoDB", name, dimensions, "Sum", more.isEmpty() ? Duration.minutes(1) : COUNT_PERIOD);
    }

    private static Metric metric(String namespace, String name, Map<String, String> dimensions, String statistic,
                                 Duration period) {
        return Metric.Builder.create().namespace(namespace).metricName(name).dimensionsMap(dimensions)
                .statistic(statistic).period(period).build();
    }

    /** The alarms of this account and region, as the calling service's source (aws:SourceArn, aws:SourceAccount). */
    private Map<String, Object> alarmsOfThisAccount() {
        Stack stack = Stack.of(this);
        return new TreeMap<>(Map.of(
                "ArnLike", Map.of("aws:SourceArn",
                        "arn:" + stack.getPartition() + ":cloudwatch:" + stack.getRegion() + ":" + stack.getAccount() + ":alarm:*"),
                "StringEquals", Map.of("aws:SourceAccount", stack.getAccount())));
    }

    Topic topic() { return topic; }

    /** More than {@link #API_5XX_PERCENT}% of the API's requests answered 5xx. */
    IAlarm api5xxRate() { return alarmsById.get("Api5xxRate"); }

    /** Any unhandled error of the function. */
    IAlarm functionErrors(ApiFunction spec) { return alarmsById.get(LogicalIds.pascal(spec.functionName()) + "Errors"); }

    Dashboard dashboard() { return dashboard; }
}
