package com.userimages.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Stage;
import software.amazon.awscdk.StageProps;
import software.constructs.Construct;

/**
 * One environment ({@code dev}, {@code prod}, …) as a CDK {@link Stage} around {@link UserImagesStack},
 * so any CDK Pipelines pipeline can {@code addStage} it. The stage's name reaches only the table's
 * physical name ({@code user_images-<stage>}); everything else keeps generated names, so stages can
 * share an account. The app without {@code -c stage} creates the stack without a stage, as before.
 */
public final class UserImagesStage extends Stage {
    private final UserImagesStack stack;

    public UserImagesStage(Construct scope, StageProps props, StackConfig config) {
        super(scope, config.stage(), props);
        stack = new UserImagesStack(this, UserImagesStack.STACK_NAME, UserImagesApp.stackProps(), config);
        // An Aspect on the App stops at a Stage's boundary: each stage carries its own checks.
        Aspects.of(this).add(nagChecks());
    }

    public UserImagesStack stack() {
        return stack;
    }

    /** Errors fail the synth: nothing that cdk-nag objects to reaches a deployment unexplained. */
    static AwsSolutionsChecks nagChecks() {
        return new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build());
    }
}
