package com.userimages.infra;

import static com.userimages.infra.TemplateModel.map;
import static com.userimages.infra.TemplateModel.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.s3.Bucket;

class UserImagesStageTest {
    /**
     * Resource properties whose value must be unique per account and region (an API's or an alias's
     * {@code Name} need not be: APIs are told apart by id, aliases by their function).
     */
    static final Set<String> PHYSICAL_NAME_PROPERTIES = Set.of("TableName", "FunctionName", "RoleName", "LogGroupName",
            "TopicName", "DashboardName", "UserPoolName", "Domain", "BucketName", "ApplicationName", "SecretName",
            "DeploymentGroupName", "AlarmName", "QueueName", "AliasName", "ManagedPolicyName");

    private static Map<String, Template> stages;

    /** dev and prod as the app makes them with -c stage=…, in one app, as a pipeline holds them. */
    static synchronized Map<String, Template> stages() {
        if (stages == null) {
            Map<String, Object> context = new HashMap<>(Synth.context(Map.of()));
            context.put(StackConfig.STAGES, Map.of("prod", Map.of(StackConfig.TRAFFIC_SHIFTING, "canary")));
            App app = App.Builder.create().outdir("target/cdk-stages").context(context).build();
            Map<String, Template> built = new TreeMap<>();
            for (String name : List.of("dev", "prod")) {
                UserImagesStage stage = UserImagesApp.stage(app, name);
                built.put(name, Template.fromStack(stage.stack()));
            }
            stages = built;
        }
        return stages;
    }

    /** Every literal physical name of a template: resource type and property → the value. */
    static Map<String, String> physicalNames(Template template) {
        Map<String, String> names = new TreeMap<>();
        new TemplateModel(template.toJSON()).resources().forEach((id, r) -> {
            Map<String, Object> properties = props(map(r));
            if (properties == null) return;
            properties.forEach((key, value) -> {
                if (PHYSICAL_NAME_PROPERTIES.contains(key) && value instanceof String literal) {
                    names.put(map(r).get("Type") + "." + key + " (" + id + ")", literal);
                }
            });
        });
        return names;
    }

    @Test
    void aStagesNameReachesOnlyTheTable() {
        Map<String, String> dev = physicalNames(stages().get("dev"));
        Map<String, String> prod = physicalNames(stages().get("prod"));
        // Printed so a reviewer sees both side by side in the test log.
        dev.forEach((k, v) -> System.out.println("physical name " + k + ": dev " + v + " | prod " + prod.get(k)));
        assertEquals("user_images-dev", dev.get("AWS::DynamoDB::Table.TableName (TableCD117FA1)"));
        assertEquals("user_images-prod", prod.get("AWS::DynamoDB::Table.TableName (TableCD117FA1)"));
        Set<String> shared = new TreeSet<>(dev.values());
        shared.retainAll(prod.values());
        assertEquals(Set.of(), shared, "a literal name both stages would create in one account");
        // The table's is the only fixed one: everything else is named by CloudFormation.
        assertEquals(Set.of("AWS::DynamoDB::Table.TableName (TableCD117FA1)"), dev.keySet());
        assertEquals(dev.keySet(), prod.keySet());
    }

    @Test
    void theStagesStackIsNamedAfterTheStage() {
        Map<String, Object> context = new HashMap<>(Synth.context(Map.of()));
        App app = App.Builder.create().outdir("target/cdk-stage-name").context(context).build();
        UserImagesStage stage = UserImagesApp.stage(app, "qa");
        assertEquals("qa-UserImagesStack", stage.stack().getStackName());
        assertEquals("user_images-qa", UserImagesStack.tableName(stage.stack()));
        assertEquals("user_images", UserImagesStack.tableName(Synth.shared().stack()));
    }

    @Test
    void oneSynthCanHoldSeveralStagesForDeployStepsToPickFrom() {
        App app = App.Builder.create().outdir("target/cdk-two-stages").context(Synth.context(Map.of())).build();
        List<UserImagesStage> both = UserImagesApp.stages(app, "dev, prod");
        assertEquals(List.of("dev-UserImagesStack", "prod-UserImagesStack"), both.stream().map(s -> s.stack().getStackName()).toList());
        assertEquals(List.of("dev/UserImagesStack", "prod/UserImagesStack"),
                both.stream().map(s -> s.stack().getNode().getPath()).toList(), "what `cdk deploy 'dev/*'` selects");
        var twice = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> UserImagesApp.stages(App.Builder.create().context(Synth.context(Map.of())).build(), "dev,dev"));
        assertEquals("stage names one or more different stages, was 'dev,dev'", twice.getMessage());
    }

    @Test
    void devShiftsAtOnceAndProdThroughCodeDeploy() {
        stages().get("dev").resourceCountIs("AWS::CodeDeploy::DeploymentGroup", 0);
        stages().get("prod").resourceCountIs("AWS::CodeDeploy::DeploymentGroup", 5);
        // Prod's dev-less alias updates go through CodeDeploy: CloudFormation hands the alias to it.
        stages().get("prod").hasResource("AWS::Lambda::Alias", Match.objectLike(Map.of("UpdatePolicy",
                Map.of("CodeDeployLambdaAliasUpdate", Match.objectLike(Map.of())))));
        assertTrue(stages().get("dev").findResources("AWS::Lambda::Alias").values().stream()
                .noneMatch(a -> map(a).containsKey("UpdatePolicy")));
    }

    @Test
    void cdkNagRunsInsideAStage() {
        // An Aspect on the App would not reach here: the stage carries its own checks, so a bucket
        // without TLS enforcement or access logs planted in its stack must be reported.
        App app = App.Builder.create().outdir("target/cdk-nag-planted").context(Synth.context(Map.of())).build();
        UserImagesStage stage = UserImagesApp.stage(app, "planted");
        new Bucket(stage.stack(), "PlantedViolation");
        app.synth();
        var errors = Annotations.fromStack(stage.stack()).findError("/planted/UserImagesStack/PlantedViolation/Resource",
                Match.stringLikeRegexp("AwsSolutions-S10.*"));
        assertFalse(errors.isEmpty(), "cdk-nag did not check the stage's stack");
        var elsewhere = Annotations.fromStack(stage.stack()).findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertTrue(elsewhere.stream().allMatch(e -> e.getId().contains("PlantedViolation")),
                "only the planted bucket is non-compliant: " + elsewhere.stream().map(e -> e.getId()).toList());
    }

    @Test
    void theStagesAreNagCleanWithoutWarnings() {
        for (String name : List.of("dev", "prod")) {
            App app = App.Builder.create().outdir("target/cdk-nag-" + name)
                    .context(contextWithProdCanary()).build();
            UserImagesStage stage = UserImagesApp.stage(app, name);
            app.synth();
            var findings = new java.util.ArrayList<>(Annotations.fromStack(stage.stack()).findError("*", Match.anyValue()));
            findings.addAll(Annotations.fromStack(stage.stack()).findWarning("*", Match.anyValue()));
            assertEquals(List.of(), findings.stream().map(e -> e.getId() + ": " + e.getEntry().getData()).toList(), name);
        }
    }

    private static Map<String, Object> contextWithProdCanary() {
        Map<String, Object> context = new HashMap<>(Synth.context(Map.of()));
        context.put(StackConfig.STAGES, Map.of("prod", Map.of(StackConfig.TRAFFIC_SHIFTING, "canary")));
        return context;
    }
}
