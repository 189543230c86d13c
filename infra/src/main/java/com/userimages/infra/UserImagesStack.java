package com.userimages.infra;

import com.userimages.contract.UserImagesTable;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/**
 * The whole system: table, page-token secret, images bucket, the five functions, the HTTP API, its alarms and dashboard,
 * and (with {@code -c createUserPool=true}) the Cognito sign-in whose tokens the API trusts.
 */
public final class UserImagesStack extends Stack {
    public static final String STACK_NAME = "UserImagesStack";

    private final Table table;
    private final Secret pageTokenSecret;
    private final Bucket imagesBucket;
    private final LambdaFunctions functions;
    private final UserImagesHttpApi httpApi;
    private final StackOutputs outputs;

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
        imagesBucket = ImagesBucket.create(this, "ImagesBucket", config.corsAllowOrigins());
        functions = new LambdaFunctions(this, "Functions", config, table.getTableName(), imagesBucket,
                new FunctionPermissions.Resources(table.getTableArn(), pageTokenSecret.getSecretArn(), imagesBucket.getBucketArn()));
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

        outputs = new StackOutputs(this, httpApi, new StackOutputs.ImagesOutputs(table.getTableName(),
                pageTokenSecret.getSecretArn(), imagesBucket.getBucketName()), monitoring, functions, signIn);
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

    Bucket imagesBucket() { return imagesBucket; }

    LambdaFunctions functions() { return functions; }

    UserImagesHttpApi httpApi() { return httpApi; }

    StackOutputs outputs() { return outputs; }
}
