package com.userimages.infra;

import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;

/**
 * The stack's outputs: what an operator or a pipeline step needs after a deploy (the API's URL, the
 * table, the images bucket, the secret to rotate, the alarm topic and dashboard, each log group, and with the user pool
 * its ids and endpoints). Created on the stack itself, so their logical ids are the output names.
 */
final class StackOutputs {
    private final CfnOutput apiUrl;
    // Null without the user pool (createUserPool=false): the stack then has no sign-in outputs.
    private final SignInOutputs signIn;

    StackOutputs(Stack stack, UserImagesHttpApi httpApi, ImagesOutputs data, Monitoring monitoring,
                 LambdaFunctions functions, UserPoolSignIn signIn) {
        apiUrl = CfnOutput.Builder.create(stack, "ApiUrl").value(httpApi.stage().getUrl())
                .description("Base URL of the HTTP API").build();
        CfnOutput.Builder.create(stack, "TableName").value(data.tableName()).build();
        CfnOutput.Builder.create(stack, "ImagesBucketName").value(data.imagesBucketName())
                .description("Uploaded images: uploads/ pending (expire after a day), images/ held by collections").build();
        CfnOutput.Builder.create(stack, "PageTokenSecretArn").value(data.pageTokenSecretArn())
                .description("Rotate, then redeploy: SnapStart keeps the key read at init").build();
        CfnOutput.Builder.create(stack, "AlarmTopicArn").value(monitoring.topic().getTopicArn())
                .description("Every alarm notifies this topic (subscribe with -c alarmEmail=...)").build();
        CfnOutput.Builder.create(stack, "DashboardUrl").value("https://console.aws.amazon.com/cloudwatch/home?region="
                        + stack.getRegion() + "#dashboards/dashboard/" + monitoring.dashboard().getDashboardName())
                .build();
        // For `aws logs tail`: one per function, named after it, and the API's access log.
        for (DeployedFunction f : functions.all()) {
            CfnOutput.Builder.create(stack, LogicalIds.pascal(f.spec().functionName()) + "LogGroup")
                    .value(f.logGroup().getLogGroupName()).build();
        }
        CfnOutput.Builder.create(stack, "AccessLogGroup").value(httpApi.accessLogs().getLogGroupName()).build();
        if (signIn == null) {
            this.signIn = null;
            return;
        }
        CfnOutput userPoolId = CfnOutput.Builder.create(stack, "UserPoolId").value(signIn.pool().getUserPoolId()).build();
        CfnOutput.Builder.create(stack, "PeopleClientId").value(signIn.peopleClient().getUserPoolClientId())
                .description("Public client: hosted sign-in, authorization code with PKCE, scope images/user").build();
        CfnOutput machineClientId = CfnOutput.Builder.create(stack, "MachineClientId").value(signIn.machineClient().getUserPoolClientId())
                .description("Confidential client: client credentials, scope images/admin; its secret: "
                        + "aws cognito-idp describe-user-pool-client").build();
        CfnOutput.Builder.create(stack, "Issuer").value(signIn.issuer())
                .description("The only issuer the JWT authorizer trusts").build();
        CfnOutput.Builder.create(stack, "SignInUrl").value(signIn.signInUrl()).build();
        CfnOutput tokenUrl = CfnOutput.Builder.create(stack, "TokenUrl").value(signIn.tokenUrl()).build();
        this.signIn = new SignInOutputs(userPoolId, machineClientId, tokenUrl);
    }

    /** The table's, the page-token secret's and the images bucket's outputs. */
    record ImagesOutputs(String tableName, String pageTokenSecretArn, String imagesBucketName) {}

    CfnOutput apiUrl() { return apiUrl; }

    /** What a smoke test needs to get a token from the pool's machine client. */
    record SignInOutputs(CfnOutput userPoolId, CfnOutput machineClientId, CfnOutput tokenUrl) {}

    /** Empty without the user pool. */
    Optional<SignInOutputs> signIn() { return Optional.ofNullable(signIn); }
}
