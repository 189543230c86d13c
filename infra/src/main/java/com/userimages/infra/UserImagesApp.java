package com.userimages.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

/** The CDK app ({@code cdk.json}'s entry point). */
public final class UserImagesApp {
    private UserImagesApp() {}

    public static void main(String[] args) {
        App app = new App();
        build(app);
        app.synth();
    }

    /** Adds the stack and the cdk-nag checks to an app; the tests build theirs the same way. */
    public static UserImagesStack build(App app) {
        UserImagesStack stack = new UserImagesStack(app, UserImagesStack.STACK_NAME, StackProps.builder()
                // No env: environment-agnostic, so the same template synthesizes with or without credentials
                // and deploys to whichever account and region the CLI is pointed at.
                .description("user-images: per-user image collections (HTTP API, Lambda java25, DynamoDB)")
                .build(), StackConfig.fromContext(app.getNode()));
        // Errors fail the synth: nothing that cdk-nag objects to reaches a deployment unexplained.
        Aspects.of(app).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return stack;
    }
}
