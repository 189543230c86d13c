package com.userimages.infra;

import com.userimages.contract.ApiFunction;
import com.userimages.contract.ObjectAccess;
import com.userimages.contract.Setting;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.ApplicationLogLevel;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.LoggingFormat;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.SystemLogLevel;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.constructs.Construct;

/** The five functions of {@link ApiFunction}, all from the one functions jar. */
final class LambdaFunctions extends Construct {
    /** The alias every route invokes: a published version, so SnapStart applies (it never does on $LATEST). */
    static final String ALIAS_NAME = "live";
    static final RetentionDays LOG_RETENTION = RetentionDays.ONE_MONTH;
    /** X-Ray traces from Lambda's own segments; no tracing agent in the jar, which would cost cold start. */
    static final String TRACING_MODE = "Active";
    static final List<String> XRAY_ACTIONS = List.of("xray:PutTraceSegments", "xray:PutTelemetryRecords");
    private static final PolicyStatement XRAY_WRITE = PolicyStatement.Builder.create()
            .actions(XRAY_ACTIONS)
            .resources(List.of("*"))
            .build();

    private final Map<ApiFunction, DeployedFunction> functions = new EnumMap<>(ApiFunction.class);

    private final int pageTokenKeyGeneration;
    private final StackConfig config;

    LambdaFunctions(Construct scope, String id, StackConfig config, String tableName, Bucket imagesBucket,
                    FunctionPermissions.Resources resources) {
        super(scope, id);
        this.config = config;
        this.pageTokenKeyGeneration = config.pageTokenKeyGeneration();
        Path functionsJar = config.functionsJar();
        if (!Files.isRegularFile(functionsJar)) {
            throw new IllegalStateException("functions jar not found at " + functionsJar.toAbsolutePath()
                    + ": build it first (mvn -pl functions package -DskipTests)");
        }
        // One asset, uploaded once, shared by all five functions.
        Code code = Code.fromAsset(functionsJar.toString());
        for (ApiFunction spec : ApiFunction.values()) {
            functions.put(spec, create(spec, code, tableName, imagesBucket, resources));
        }
    }

    DeployedFunction get(ApiFunction spec) {
        return functions.get(spec);
    }

    List<DeployedFunction> all() {
        return List.copyOf(functions.values());
    }

    private DeployedFunction create(ApiFunction spec, Code code, String tableName, Bucket imagesBucket,
                                    FunctionPermissions.Resources resources) {
        String name = LogicalIds.pascal(spec.functionName());
        LogGroup logGroup = LogGroup.Builder.create(this, name + "Logs")
                .retention(LOG_RETENTION)
                .build();

        // Our own role instead of the default one: the default attaches AWSLambdaBasicExecutionRole
        // (logs on every log group of the account); this one may write only to its own log group.
        PolicyStatement logs = PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logGroup.getLogGroupArn()))
                .build();
        List<PolicyStatement> statements = new ArrayList<>(concat(logs, FunctionPermissions.statements(spec, resources)));
        statements.add(XRAY_WRITE);
        PolicyDocument policy = PolicyDocument.Builder.create()
                .statements(statements)
                .build();
        Role role = Role.Builder.create(this, name + "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("user-images " + spec.functionName() + ": only the calls it makes")
                // Inline, so the permissions exist before the function (and its SnapStart version) does.
                .inlinePolicies(Map.of("least-privilege", policy))
                .build();
        NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("X-Ray's PutTraceSegments and PutTelemetryRecords support no resource-level permissions "
                        + "(the Service Authorization Reference lists no resource type for them), so active tracing "
                        + "needs them on '*'. The images bucket's object actions are granted per key prefix "
                        + "(uploads/*, images/*: keys are per user and upload, made at run time), only those the "
                        + "function calls; every other statement of this role names its one resource.")
                .appliesTo(wildcardResources(spec, imagesBucket))
                .build()));

        FunctionSizing sizing = FunctionSizing.of(spec);
        Function function = Function.Builder.create(this, name)
                .description(description(spec))
                .runtime(Runtime.JAVA_25)
                .architecture(Architecture.ARM_64)
                .code(code)
                .handler(spec.handlerSpec())
                .memorySize(sizing.memoryMb())
                .timeout(sizing.timeout())
                .environment(FunctionEnvironment.of(spec, tableName, resources.pageTokenSecretArn(),
                        imagesBucket.getBucketName(), config.routeScopes()))
                .reservedConcurrentExecutions(reservedConcurrency(spec))
                .role(role)
                .logGroup(logGroup)
                .loggingFormat(LoggingFormat.JSON)
                .applicationLogLevelV2(ApplicationLogLevel.INFO)
                .systemLogLevelV2(SystemLogLevel.WARN)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .build();

        // Active tracing without the tracing prop: that would add the X-Ray statement as a separate
        // policy, created after the function; the role's inline policy above already has it.
        ((CfnFunction) function.getNode().getDefaultChild()).setTracingConfig(
                CfnFunction.TracingConfigProperty.builder().mode(TRACING_MODE).build());

        // The warning asks for published versions; the alias below publishes one and every route uses it.
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "routes invoke the alias of a published version");

        // currentVersion publishes a new version whenever code or configuration changes.
        Alias alias = Alias.Builder.create(this, name + "Alias")
                .aliasName(ALIAS_NAME)
                .version(function.getCurrentVersion())
                .build();
        return new DeployedFunction(spec, function, alias, role, logGroup);
    }

    /**
     * A cap per function, so that a runaway (a retry storm, a flood the throttle lets through) cannot
     * take the account's whole concurrency from its other functions: create-table, a rare admin
     * call, never needs two at once.
     */
    int reservedConcurrency(ApiFunction spec) {
        return spec == ApiFunction.CREATE_TABLE ? StackConfig.CREATE_TABLE_CONCURRENCY : config.reservedConcurrency();
    }

    /**
     * A function that reads the page-token secret does so at init, which SnapStart runs once per
     * published version. The key generation is part of its description, a version-locked property,
     * so {@code cdk deploy -c pageTokenKeyGeneration=N} after a rotation publishes a new version
     * whose snapshot holds the new key.
     */
    private String description(ApiFunction spec) {
        String description = "user-images " + spec.functionName();
        if (spec.settings().contains(Setting.PAGE_TOKEN_SECRET_ARN)) {
            description += ", page-token key generation " + pageTokenKeyGeneration;
        }
        return description;
    }

    /** The wildcards of this function's role as cdk-nag names them: X-Ray's '*' and each key prefix it reaches. */
    static List<Object> wildcardResources(ApiFunction spec, Bucket imagesBucket) {
        Stack stack = Stack.of(imagesBucket);
        String bucket = stack.resolve(stack.getLogicalId((CfnBucket) imagesBucket.getNode().getDefaultChild())).toString();
        List<Object> resources = new ArrayList<>(List.of("Resource::*"));
        for (ObjectAccess access : spec.objectAccess()) {
            resources.add("Resource::<" + bucket + ".Arn>/" + access.keyPattern());
        }
        return resources;
    }

    private static List<PolicyStatement> concat(PolicyStatement first, List<PolicyStatement> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }
}
