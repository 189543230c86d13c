package com.userimages.infra;

import com.userimages.contract.UserImagesTable;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * The whole system: table, page-token secret, the five functions, the HTTP API, its alarms and dashboard,
 * and (with {@code -c createUserPool=true}) the Cognito sign-in whose tokens the API trusts.
 */
public final class UserImagesStack extends Stack {
    public static final String STACK_NAME = "UserImagesStack";

    private final Table table;
    private final Secret pageTokenSecret;
    private final LambdaFunctions functions;
    private final UserImagesHttpApi httpApi;

    public UserImagesStack(Construct scope, String id, StackProps props, StackConfig config) {
        super(scope, id, props);
        if (config.usesPlaceholderIssuer()) {
            Annotations.of(this).addWarningV2("user-images:placeholder-issuer",
                    "jwtIssuer is the placeholder " + StackConfig.PLACEHOLDER_ISSUER
                            + ": no token will verify. Deploy with -c jwtIssuer=... -c jwtAudience=...");
        }
        if (config.routeScopes().anyCheckOff()) {
            String message = "adminScope=" + config.routeScopes().adminSetting() + ", dataScopes="
                    + config.routeScopes().dataSetting() + ": 'none' lets any token of the audience through,"
                    + " ID tokens included, on the routes it names";
            Annotations.of(this).addWarningV2("user-images:scopes-off", message);
            // The annotation is easy to miss in a long synth: say it on stderr as well.
            System.err.println("WARNING: " + message);
        }
        table = ImagesTable.create(this, "Table", tableName(this));
        pageTokenSecret = PageTokenSecret.create(this, "PageTokenSecret");
        functions = new LambdaFunctions(this, "Functions", config, table.getTableName(),
                new FunctionPermissions.Resources(table.getTableArn(), pageTokenSecret.getSecretArn()));
        // Null unless config.createUserPool().
        UserPoolSignIn signIn = config.createUserPool()
                ? new UserPoolSignIn(this, "SignIn", config.callbackUrls()) : null;
        httpApi = new UserImagesHttpApi(this, "HttpApi", config, functions, signIn);
        Monitoring monitoring = new Monitoring(this, "Monitoring", httpApi.api().getApiId(), functions,
                table.getTableName(), config.alarmEmail());
        // All at once is what an alias update does anyway: a deployment group only for a gradual shift.
        if (config.trafficShifting() != TrafficShifting.ALL_AT_ONCE) {
            new CanaryDeployments(this, "Deployments", config.trafficShifting(), functions, monitoring);
        }

        CfnOutput.Builder.create(this, "ApiUrl").value(httpApi.stage().getUrl())
                .description("Base URL of the HTTP API").build();
        CfnOutput.Builder.create(this, "TableName").value(table.getTableName()).build();
        CfnOutput.Builder.create(this, "PageTokenSecretArn").value(pageTokenSecret.getSecretArn())
                .description("Rotate, then redeploy: SnapStart keeps the key read at init").build();
        CfnOutput.Builder.create(this, "AlarmTopicArn").value(monitoring.topic().getTopicArn())
                .description("Every alarm notifies this topic (subscribe with -c alarmEmail=...)").build();
        CfnOutput.Builder.create(this, "DashboardUrl").value("https://console.aws.amazon.com/cloudwatch/home?region="
                        + getRegion() + "#dashboards/dashboard/" + monitoring.dashboard().getDashboardName())
                .build();
        // For `aws logs tail`: one per function, named after it, and the API's access log.
        for (DeployedFunction f : functions.all()) {
            CfnOutput.Builder.create(this, LogicalIds.pascal(f.spec().functionName()) + "LogGroup")
                    .value(f.logGroup().getLogGroupName()).build();
        }
        CfnOutput.Builder.create(this, "AccessLogGroup").value(httpApi.accessLogs().getLogGroupName()).build();
        if (signIn != null) {
            CfnOutput.Builder.create(this, "UserPoolId").value(signIn.pool().getUserPoolId()).build();
            CfnOutput.Builder.create(this, "PeopleClientId").value(signIn.peopleClient().getUserPoolClientId())
                    .description("Public client: hosted sign-in, authorization code with PKCE, scope images/user").build();
            CfnOutput.Builder.create(this, "MachineClientId").value(signIn.machineClient().getUserPoolClientId())
                    .description("Confidential client: client credentials, scope images/admin; its secret: "
                            + "aws cognito-idp describe-user-pool-client").build();
            CfnOutput.Builder.create(this, "Issuer").value(signIn.issuer())
                    .description("The only issuer the JWT authorizer trusts").build();
            CfnOutput.Builder.create(this, "SignInUrl").value(signIn.signInUrl()).build();
            CfnOutput.Builder.create(this, "TokenUrl").value(signIn.tokenUrl()).build();
        }
    }

    /**
     * {@code user_images} for the stack created without a stage, {@code user_images-<stage>} inside one:
     * the one physical name that must differ between stages sharing an account and region.
     */
    static String tableName(Construct scope) {
        Stage stage = Stage.of(scope);
        boolean named = stage != null && stage.getParentStage() != null;
        return named ? UserImagesTable.DEFAULT_TABLE_NAME + "-" + stage.getStageName() : UserImagesTable.DEFAULT_TABLE_NAME;
    }

    Table table() { return table; }

    Secret pageTokenSecret() { return pageTokenSecret; }

    LambdaFunctions functions() { return functions; }

    UserImagesHttpApi httpApi() { return httpApi; }
}
