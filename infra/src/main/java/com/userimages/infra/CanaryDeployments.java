package com.userimages.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import com.userimages.contract.ApiFunction;
import software.amazon.awscdk.services.codedeploy.AutoRollbackConfig;
import software.amazon.awscdk.services.codedeploy.LambdaApplication;
import software.amazon.awscdk.services.codedeploy.LambdaDeploymentGroup;
import software.constructs.Construct;

/**
 * A CodeDeploy deployment group per function: a new version takes a share of the {@code live} alias's
 * traffic first, and CodeDeploy moves the alias back by itself when the function's error alarm or
 * the API's 5xx alarm goes off meanwhile (or the deployment fails or is stopped).
 */
final class CanaryDeployments extends Construct {
    private final Map<ApiFunction, LambdaDeploymentGroup> groups = new EnumMap<>(ApiFunction.class);

    CanaryDeployments(Construct scope, String id, TrafficShifting shifting, LambdaFunctions functions, Monitoring monitoring) {
        super(scope, id);
        LambdaApplication application = LambdaApplication.Builder.create(this, "Application").build();
        for (DeployedFunction f : functions.all()) {
            LambdaDeploymentGroup group = LambdaDeploymentGroup.Builder.create(this, LogicalIds.pascal(f.spec().functionName()))
                    .application(application)
                    .alias(f.alias())
                    .deploymentConfig(shifting.deploymentConfig())
                    .alarms(List.of(monitoring.functionErrors(f.spec()), monitoring.api5xxRate()))
                    .autoRollback(AutoRollbackConfig.builder()
                            .failedDeployment(true).stoppedDeployment(true).deploymentInAlarm(true).build())
                    .build();
            NagSuppressions.addResourceSuppressions(group, List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-IAM4")
                    .reason("CodeDeploy's service role for Lambda: AWSCodeDeployRoleForLambdaLimited is the narrow managed "
                            + "policy CodeDeploy documents for Lambda deployments (update and read aliases, read the "
                            + "rollback alarms, invoke only CodeDeployHook_* functions); CDK attaches it to the group's role.")
                    .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited"))
                    .build()), true);
            groups.put(f.spec(), group);
        }
    }

    LambdaDeploymentGroup group(ApiFunction spec) {
        return groups.get(spec);
    }
}
