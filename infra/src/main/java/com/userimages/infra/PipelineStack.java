package com.userimages.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.StageProps;
import software.amazon.awscdk.pipelines.AddStageOpts;
import software.amazon.awscdk.pipelines.CodeBuildStep;
import software.amazon.awscdk.pipelines.CodePipeline;
import software.amazon.awscdk.pipelines.CodePipelineSource;
import software.amazon.awscdk.pipelines.ConnectionSourceOptions;
import software.amazon.awscdk.pipelines.FileSet;
import software.amazon.awscdk.pipelines.ManualApprovalStep;
import software.amazon.awscdk.pipelines.ManualApprovalStepProps;
import software.amazon.awscdk.pipelines.Step;
import software.amazon.awscdk.services.codebuild.BuildEnvironment;
import software.amazon.awscdk.services.codepipeline.PipelineType;
import software.amazon.awscdk.services.codebuild.ComputeType;
import software.amazon.awscdk.services.codebuild.LinuxBuildImage;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.constructs.Construct;

/**
 * A CDK Pipelines pipeline ({@code -c pipeline=true}): source from a CodeStar connection, one synth
 * step that builds, tests and synthesizes once on JDK 25, {@code dev} deployed and smoke-tested
 * (optionally the repository suite against a real table too), a manual approval, then {@code prod}.
 * Each stage's account and region come from {@code stages.<name>} (cross-account keys on, so the
 * stages may live in other accounts bootstrapped to trust this one).
 */
public final class PipelineStack extends Stack {
    public static final String STACK_NAME = "UserImagesPipeline";
    static final String CDK_CLI = "aws-cdk@2.1148.1";
    static final String DEV = "dev";
    static final String PROD = "prod";
    static final String APPROVAL = "PromoteToProd";
    static final String SMOKE_STEP = "SmokeTest";
    static final String FIDELITY_STEP = "RealTableFidelity";
    static final Duration FIDELITY_TIMEOUT = Duration.minutes(15);
    /** The fidelity step's tables: its own per run, never a stage's. */
    static final String FIDELITY_TABLE_PREFIX = "user_images-fidelity-";
    /** The repository and list-page tests: the suite's DynamoDB behaviour, without fault or create-table tests. */
    static final String FIDELITY_TESTS = "CollectionRepositoryTest,ListPageHandlerTest,ListPageTokenTest";

    private final CodePipeline pipeline;
    private final UserImagesStage dev;
    private final UserImagesStage prod;

    public PipelineStack(Construct scope, String id, StackProps props, PipelineConfig config) {
        super(scope, id, props);
        CodePipelineSource source = CodePipelineSource.connection(config.repository(), config.branch(),
                ConnectionSourceOptions.builder().connectionArn(config.connectionArn())
                        // Only the commit's files: no git credentials in the build.
                        .codeBuildCloneOutput(false).build());

        CodeBuildStep synth = CodeBuildStep.Builder.create("Synth")
                .input(source)
                .installCommands(concat(BuildJdk.installCommands(), List.of(
                        // .ci/run's template checks; the image's Python has pip, PyPI is reachable from CodeBuild.
                        "pip3 install --quiet cfn-lint==1.51.0 aws-sam-translator==1.110.0")))
                .commands(List.of(
                        // Build and test once, exactly as a pull request's CI does.
                        ".ci/run",
                        // Synthesize once: this pipeline and both stages, from what was just tested.
                        "cd infra && npx --yes " + CDK_CLI + " synth " + String.join(" ", config.synthContext())))
                .primaryOutputDirectory("infra/cdk.out")
                .build();
        // The smoke test's jar, built and tested in the synth step: the post-deploy step runs that one.
        FileSet smokeJar = synth.addOutputDirectory("smoke/target");

        pipeline = CodePipeline.Builder.create(this, "Pipeline")
                .synth(synth)
                // V2: billed per action-minute instead of a monthly fee per pipeline (docs/deploy.md, cost).
                .pipelineType(PipelineType.V2)
                // Cross-account ready: artifacts encrypted with a key the stage accounts may use.
                .crossAccountKeys(true)
                .enableKeyRotation(true)
                .codeBuildDefaults(software.amazon.awscdk.pipelines.CodeBuildOptions.builder()
                        .buildEnvironment(BuildEnvironment.builder()
                                .buildImage(LinuxBuildImage.STANDARD_7_0)
                                .computeType(ComputeType.MEDIUM)
                                .build())
                        .build())
                .build();

        dev = stage(DEV, config);
        List<Step> afterDev = new ArrayList<>(List.of(smokeStep(smokeJar)));
        if (config.fidelityStep()) afterDev.add(fidelityStep(source));
        pipeline.addStage(dev, AddStageOpts.builder().post(afterDev).build());

        prod = stage(PROD, config);
        pipeline.addStage(prod, AddStageOpts.builder().pre(List.of(new ManualApprovalStep(APPROVAL,
                ManualApprovalStepProps.builder()
                        .comment("dev is deployed and its smoke test passed: promote this commit to prod?")
                        .build()))).build());
        pipeline.buildPipeline();
        PipelineNag.suppress(pipeline);
    }

    private UserImagesStage stage(String name, PipelineConfig pipelineConfig) {
        StackConfig config = StackConfig.forStage(getNode(), name);
        return new UserImagesStage(this, StageProps.builder()
                .env(UserImagesApp.environment(getNode(), name, pipelineConfig.environment())).build(), config);
    }

    /**
     * The smoke test against dev through its Cognito machine client: the URLs and ids from dev's
     * outputs, the client's secret read at run time from Cognito into the environment (never a file,
     * an argument or a log line).
     */
    private CodeBuildStep smokeStep(FileSet smokeJar) {
        StackOutputs outputs = dev.stack().outputs();
        StackOutputs.SignInOutputs signIn = outputs.signIn().orElseThrow(() -> new IllegalArgumentException(
                "the smoke test signs in with dev's machine client: set stages.dev.createUserPool to true in cdk.json"));
        return CodeBuildStep.Builder.create(SMOKE_STEP)
                .input(smokeJar)
                .installCommands(BuildJdk.installCommands())
                .envFromCfnOutputs(Map.of(
                        "API_URL", outputs.apiUrl(),
                        "TOKEN_URL", signIn.tokenUrl(),
                        "CLIENT_ID", signIn.machineClientId(),
                        "USER_POOL_ID", signIn.userPoolId()))
                .commands(List.of(
                        "export SMOKE_CLIENT_SECRET=\"$(aws cognito-idp describe-user-pool-client --user-pool-id \"$USER_POOL_ID\""
                                + " --client-id \"$CLIENT_ID\" --query UserPoolClient.ClientSecret --output text)\"",
                        BuildJdk.java() + " -jar user-images-smoke.jar --base-url \"$API_URL\" --token-source cognito"
                                + " --token-url \"$TOKEN_URL\" --client-id \"$CLIENT_ID\" --scope images/admin"))
                .rolePolicyStatements(List.of(PolicyStatement.Builder.create()
                        .actions(List.of("cognito-idp:DescribeUserPoolClient"))
                        // The pool's id is dev's output, known only after dev deploys.
                        .resources(List.of(arn(dev.stack(), "cognito-idp", "userpool/*")))
                        .build()))
                .build();
    }

    /**
     * The suite's repository and list-page tests against a real DynamoDB table of their own,
     * created by the tests' extension and deleted whatever happens, within {@link #FIDELITY_TIMEOUT}.
     */
    private CodeBuildStep fidelityStep(CodePipelineSource source) {
        String table = FIDELITY_TABLE_PREFIX + "$CODEBUILD_BUILD_NUMBER";
        return CodeBuildStep.Builder.create(FIDELITY_STEP)
                .input(source)
                .timeout(FIDELITY_TIMEOUT)
                .installCommands(BuildJdk.installCommands())
                .commands(List.of(
                        "export USER_IMAGES_TEST_DYNAMODB_ENDPOINT=\"https://dynamodb.$AWS_REGION.amazonaws.com\"",
                        "export USER_IMAGES_TEST_TABLE=\"" + table + "\"",
                        "trap 'aws dynamodb delete-table --table-name \"$USER_IMAGES_TEST_TABLE\" >/dev/null 2>&1 || true' EXIT",
                        "./mvnw -B -ntp -pl functions -am verify -DskipITs -Dsurefire.failIfNoSpecifiedTests=false"
                                + " -Dtest='" + FIDELITY_TESTS + "'"))
                .rolePolicyStatements(List.of(PolicyStatement.Builder.create()
                        .actions(List.of("dynamodb:CreateTable", "dynamodb:DescribeTable", "dynamodb:DeleteTable",
                                "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem",
                                "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem",
                                "dynamodb:ConditionCheckItem"))
                        .resources(List.of(arn(this, "dynamodb", "table/" + FIDELITY_TABLE_PREFIX + "*"),
                                arn(this, "dynamodb", "table/" + FIDELITY_TABLE_PREFIX + "*/index/*")))
                        .build()))
                .build();
    }

    private static String arn(Stack stack, String service, String resource) {
        return "arn:" + stack.getPartition() + ":" + service + ":" + stack.getRegion() + ":" + stack.getAccount() + ":" + resource;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    CodePipeline pipeline() { return pipeline; }

    UserImagesStage dev() { return dev; }

    UserImagesStage prod() { return prod; }
}
