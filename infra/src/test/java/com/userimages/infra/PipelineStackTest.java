package com.userimages.infra;

import static com.userimages.infra.TemplateModel.list;
import static com.userimages.infra.TemplateModel.map;
import static com.userimages.infra.TemplateModel.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class PipelineStackTest {
    static final String CONNECTION = "arn:aws:codeconnections:eu-west-1:111111111111:connection/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

    static Map<String, Object> context(boolean fidelity) {
        Map<String, Object> context = new HashMap<>(Synth.context(Map.of()));
        context.put(PipelineConfig.PIPELINE, "true");
        context.put(PipelineConfig.REPOSITORY, "example-org/user-images");
        context.put(PipelineConfig.CONNECTION_ARN, CONNECTION);
        context.put(PipelineConfig.PIPELINE_ACCOUNT, "111111111111");
        context.put(PipelineConfig.PIPELINE_REGION, "eu-west-1");
        if (fidelity) context.put(PipelineConfig.FIDELITY_STEP, "true");
        context.put(StackConfig.STAGES, Map.of(
                "dev", Map.of(StackConfig.CREATE_USER_POOL, true, StackConfig.CALLBACK_URLS, "http://localhost:8080/callback"),
                "prod", Map.of(StackConfig.CREATE_USER_POOL, true, StackConfig.CALLBACK_URLS, "https://app.example.com/callback",
                        StackConfig.TRAFFIC_SHIFTING, "canary", StackConfig.ACCOUNT, "222222222222",
                        StackConfig.REGION, "eu-west-1")));
        return context;
    }

    record Built(App app, PipelineStack stack, Template template) {
        TemplateModel model() { return new TemplateModel(template.toJSON()); }
    }

    private static Built shared;

    static synchronized Built shared() {
        if (shared == null) shared = build(context(true), "target/cdk-pipeline");
        return shared;
    }

    static Built build(Map<String, Object> context, String outdir) {
        App app = App.Builder.create().outdir(outdir).context(context).build();
        PipelineStack stack = UserImagesApp.pipeline(app);
        app.synth();
        return new Built(app, stack, Template.fromStack(stack));
    }

    private static List<Map<String, Object>> stages() {
        Map<String, Object> pipeline = shared().model().ofType("AWS::CodePipeline::Pipeline").values().iterator().next();
        return list(props(pipeline).get("Stages")).stream().map(TemplateModel::map).toList();
    }

    private static Map<String, Object> stage(String name) {
        return stages().stream().filter(s -> name.equals(s.get("Name"))).findFirst().orElseThrow();
    }

    /** Action name → its run order within the stage. */
    private static Map<String, Integer> actions(String stage) {
        Map<String, Integer> actions = new java.util.LinkedHashMap<>();
        for (Object a : list(stage(stage).get("Actions"))) {
            actions.put((String) map(a).get("Name"), ((Number) map(a).get("RunOrder")).intValue());
        }
        return actions;
    }

    @Test
    void theStagesRunInOrder() {
        List<String> names = stages().stream().map(s -> (String) s.get("Name")).toList();
        System.out.println("pipeline stages: " + names);
        stages().forEach(s -> System.out.println("  " + s.get("Name") + ": " + actions((String) s.get("Name"))));
        assertEquals(List.of("Source", "Build", "UpdatePipeline", "Assets", "dev", "prod"), names);
    }

    @Test
    void devIsSmokeTestedAfterItsDeployAndProdWaitsForAnApproval() {
        Map<String, Integer> dev = actions("dev");
        int deployed = dev.get("UserImagesStack.Deploy");
        assertTrue(dev.get("UserImagesStack.Prepare") < deployed, dev.toString());
        assertEquals(deployed + 1, dev.get(PipelineStack.SMOKE_STEP), dev.toString());
        assertEquals(deployed + 1, dev.get(PipelineStack.FIDELITY_STEP), dev.toString());
        Map<String, Integer> prod = actions("prod");
        assertEquals(1, prod.get(PipelineStack.APPROVAL), prod.toString());
        assertTrue(prod.get("UserImagesStack.Prepare") > 1, prod.toString());
        Map<String, Object> approval = list(stage("prod").get("Actions")).stream().map(TemplateModel::map)
                .filter(a -> PipelineStack.APPROVAL.equals(a.get("Name"))).findFirst().orElseThrow();
        assertEquals(Map.of("Category", "Approval", "Owner", "AWS", "Provider", "Manual", "Version", "1"),
                approval.get("ActionTypeId"));
    }

    @Test
    void theSourceIsTheConnectionsRepositoryAndBranch() {
        Map<String, Object> source = map(list(stage("Source").get("Actions")).getFirst());
        assertEquals("CodeStarSourceConnection", map(source.get("ActionTypeId")).get("Provider"));
        Map<String, Object> configuration = map(source.get("Configuration"));
        assertEquals(CONNECTION, configuration.get("ConnectionArn"));
        assertEquals("example-org/user-images", configuration.get("FullRepositoryId"));
        assertEquals("main", configuration.get("BranchName"));
    }

    /** The buildspec of the CodeBuild project behind a pipeline action. */
    private static String buildSpec(String stage, String action) {
        Map<String, Object> a = list(stage(stage).get("Actions")).stream().map(TemplateModel::map)
                .filter(x -> action.equals(x.get("Name"))).findFirst().orElseThrow();
        String project = TemplateModel.target(map(a.get("Configuration")).get("ProjectName"));
        Map<String, Object> p = props(map(shared().model().resource(project)));
        assertEquals("aws/codebuild/standard:7.0", map(p.get("Environment")).get("Image"), action);
        return (String) map(p.get("Source")).get("BuildSpec");
    }

    @Test
    void theSynthStepInstallsJdk25ThenBuildsTestsAndSynthesizesOnce() {
        String spec = buildSpec("Build", "Synth");
        for (String command : BuildJdk.installCommands()) assertTrue(spec.contains(command.replace("\"", "\\\"")), command + "\n" + spec);
        assertTrue(spec.contains("/usr/lib/jvm/corretto-25"), spec);
        assertTrue(spec.indexOf("sha256sum -c") < spec.indexOf("tar -xzf"), "the archive is checked before it is unpacked");
        assertTrue(spec.contains("\".ci/run\""), spec);
        assertTrue(spec.contains("npx --yes aws-cdk@2.1148.1 synth -c pipeline=true -c repository=example-org/user-images"
                + " -c branch=main -c connectionArn=" + CONNECTION + " -c pipelineAccount=111111111111 -c pipelineRegion=eu-west-1"
                + " -c fidelityStep=true"), spec);
    }

    @Test
    void theSmokeStepRunsTheBuiltJarAgainstDevsOutputsWithTheSecretFromCognito() {
        String spec = buildSpec("dev", PipelineStack.SMOKE_STEP);
        assertTrue(spec.contains("/usr/lib/jvm/corretto-25/bin/java -jar user-images-smoke.jar --base-url \\\"$API_URL\\\""
                + " --token-source cognito --token-url \\\"$TOKEN_URL\\\" --client-id \\\"$CLIENT_ID\\\" --scope images/admin"), spec);
        assertTrue(spec.contains("export SMOKE_CLIENT_SECRET="), spec);
        // The outputs arrive as environment variables from dev's deploy action.
        Map<String, Object> smoke = list(stage("dev").get("Actions")).stream().map(TemplateModel::map)
                .filter(x -> PipelineStack.SMOKE_STEP.equals(x.get("Name"))).findFirst().orElseThrow();
        String env = (String) map(smoke.get("Configuration")).get("EnvironmentVariables");
        Map<String, String> variables = new java.util.TreeMap<>();
        for (Object v : list(Synth.json(env))) {
            variables.put((String) map(v).get("name"), ((String) map(v).get("value")).replaceAll("#\\{[A-Za-z0-9]+\\.", "#{dev."));
        }
        assertEquals(Map.of("API_URL", "#{dev.ApiUrl}", "TOKEN_URL", "#{dev.TokenUrl}", "CLIENT_ID", "#{dev.MachineClientId}",
                "USER_POOL_ID", "#{dev.UserPoolId}"), variables);
    }

    @Test
    void theFidelityStepUsesItsOwnTableAndEndsWithinFifteenMinutes() {
        String spec = buildSpec("dev", PipelineStack.FIDELITY_STEP);
        assertTrue(spec.contains("USER_IMAGES_TEST_TABLE=\\\"user_images-fidelity-$CODEBUILD_BUILD_NUMBER\\\""), spec);
        assertTrue(spec.contains("USER_IMAGES_TEST_DYNAMODB_ENDPOINT="), spec);
        assertTrue(spec.contains("-Dtest='CollectionRepositoryTest,ListPageHandlerTest,ListPageTokenTest'"), spec);
        assertTrue(spec.contains("delete-table"), spec);
        Map<String, Object> a = list(stage("dev").get("Actions")).stream().map(TemplateModel::map)
                .filter(x -> PipelineStack.FIDELITY_STEP.equals(x.get("Name"))).findFirst().orElseThrow();
        String project = TemplateModel.target(map(a.get("Configuration")).get("ProjectName"));
        assertEquals(15, ((Number) props(map(shared().model().resource(project))).get("TimeoutInMinutes")).intValue());
        // Without the flag, no such step.
        Built without = build(context(false), "target/cdk-pipeline-no-fidelity");
        assertTrue(without.template().toJSON().toString().contains(PipelineStack.SMOKE_STEP));
        assertTrue(!without.template().toJSON().toString().contains(PipelineStack.FIDELITY_STEP));
    }

    @Test
    void prodShiftsThroughCodeDeployAndDevAtOnce() {
        Template prod = Template.fromStack(shared().stack().prod().stack());
        prod.resourceCountIs("AWS::CodeDeploy::DeploymentGroup", 5);
        prod.hasResourceProperties("AWS::CodeDeploy::DeploymentGroup", Match.objectLike(Map.of(
                "DeploymentConfigName", "CodeDeployDefault.LambdaCanary10Percent5Minutes",
                "AlarmConfiguration", Match.objectLike(Map.of("Enabled", true)))));
        Template.fromStack(shared().stack().dev().stack()).resourceCountIs("AWS::CodeDeploy::DeploymentGroup", 0);
        assertEquals("222222222222", shared().stack().prod().getAccount());
        assertEquals("user_images-prod", UserImagesStack.tableName(shared().stack().prod().stack()));
    }

    @Test
    void everyStackIsNagCleanWithoutWarnings() {
        List<String> findings = new ArrayList<>();
        for (var stack : List.of(shared().stack(), shared().stack().dev().stack(), shared().stack().prod().stack())) {
            Annotations annotations = Annotations.fromStack(stack);
            annotations.findError("*", Match.anyValue()).forEach(e -> findings.add(e.getId() + ": " + e.getEntry().getData()));
            annotations.findWarning("*", Match.anyValue()).forEach(e -> findings.add(e.getId() + ": " + e.getEntry().getData()));
        }
        assertEquals(List.of(), findings);
    }

    @Test
    void aPipelineWithoutAConnectionOrADevPoolIsRefusedWithTheReason() {
        Map<String, Object> noConnection = new HashMap<>(context(false));
        noConnection.remove(PipelineConfig.CONNECTION_ARN);
        var e = assertThrows(IllegalArgumentException.class, () -> build(noConnection, "target/cdk-pipeline-bad"));
        assertTrue(e.getMessage().startsWith("connectionArn must be a CodeStar connection's ARN"), e.getMessage());
        Map<String, Object> noPool = new HashMap<>(context(false));
        noPool.put(StackConfig.STAGES, Map.of());
        var pool = assertThrows(IllegalArgumentException.class, () -> build(noPool, "target/cdk-pipeline-bad2"));
        assertTrue(pool.getMessage().contains("stages.dev.createUserPool"), pool.getMessage());
    }
}
