package com.userimages.infra;

import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.constructs.Construct;

/** The whole system: table, page-token secret, the five functions and the HTTP API. */
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
        table = ImagesTable.create(this, "Table");
        pageTokenSecret = PageTokenSecret.create(this, "PageTokenSecret");
        functions = new LambdaFunctions(this, "Functions", config.functionsJar(), config.pageTokenKeyGeneration(),
                table.getTableName(),
                new FunctionPermissions.Resources(table.getTableArn(), pageTokenSecret.getSecretArn()));
        httpApi = new UserImagesHttpApi(this, "HttpApi", config, functions);

        CfnOutput.Builder.create(this, "ApiUrl").value(httpApi.stage().getUrl())
                .description("Base URL of the HTTP API").build();
        CfnOutput.Builder.create(this, "TableName").value(table.getTableName()).build();
        CfnOutput.Builder.create(this, "PageTokenSecretArn").value(pageTokenSecret.getSecretArn())
                .description("Rotate, then redeploy: SnapStart keeps the key read at init").build();
    }

    Table table() { return table; }

    Secret pageTokenSecret() { return pageTokenSecret; }

    LambdaFunctions functions() { return functions; }

    UserImagesHttpApi httpApi() { return httpApi; }
}
