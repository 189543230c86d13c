package com.userimages.infra;

import java.util.List;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.StageProps;
import software.constructs.Node;

/**
 * The CDK app ({@code cdk.json}'s entry point). What it synthesizes depends on the context: nothing
 * extra, today's {@code UserImagesStack} directly under the App; {@code -c stage=NAME} (or
 * {@code NAME,NAME}), each environment as a {@link UserImagesStage}; {@code -c pipeline=true}, the {@link PipelineStack} holding
 * {@code dev} and {@code prod}; {@code -c githubRepository=owner/repo}, the GitHub Actions deploy roles.
 */
public final class UserImagesApp {
    private UserImagesApp() {}

    public static void main(String[] args) {
        App app = new App();
        if (PipelineConfig.requested(app.getNode())) {
            pipeline(app);
        } else if (app.getNode().tryGetContext(GitHubDeployRoleStack.GITHUB_REPOSITORY) != null) {
            gitHubDeployRoles(app);
        } else if (app.getNode().tryGetContext(StackConfig.STAGE) != null) {
            stages(app, app.getNode().tryGetContext(StackConfig.STAGE).toString());
        } else {
            build(app);
        }
        app.synth();
    }

    /** Adds the stack (no stage) and the cdk-nag checks to an app; the tests build theirs the same way. */
    public static UserImagesStack build(App app) {
        UserImagesStack stack = new UserImagesStack(app, UserImagesStack.STACK_NAME, stackProps(), StackConfig.fromContext(app.getNode()));
        Aspects.of(app).add(UserImagesStage.nagChecks());
        return stack;
    }

    /** Several at once ({@code -c stage=dev,prod}): one cloud assembly each deploy step takes its stage from. */
    public static List<UserImagesStage> stages(App app, String names) {
        List<String> list = StackConfig.list(names);
        if (list.isEmpty() || list.size() != list.stream().distinct().count()) {
            throw new IllegalArgumentException(StackConfig.STAGE + " names one or more different stages, was '" + names + "'");
        }
        return list.stream().map(name -> stage(app, name)).toList();
    }

    /** One named environment, with its own settings ({@code stages.<name>} over the top-level context). */
    public static UserImagesStage stage(App app, String name) {
        StackConfig config = StackConfig.forStage(app.getNode(), name);
        return new UserImagesStage(app, StageProps.builder().env(environment(app.getNode(), name)).build(), config);
    }

    /** The pipeline stack, with the dev and prod stages inside it and cdk-nag on all three. */
    public static PipelineStack pipeline(App app) {
        PipelineConfig config = PipelineConfig.fromContext(app.getNode());
        PipelineStack stack = new PipelineStack(app, PipelineStack.STACK_NAME, StackProps.builder()
                .description("user-images: the deploy pipeline (source, build and test, dev, smoke test, approval, prod)")
                .env(config.environment())
                .build(), config);
        Aspects.of(stack).add(UserImagesStage.nagChecks());
        return stack;
    }

    /** The GitHub Actions deploy roles ({@code -c githubRepository=owner/repo}), with cdk-nag. */
    public static GitHubDeployRoleStack gitHubDeployRoles(App app) {
        GitHubDeployRoleStack stack = new GitHubDeployRoleStack(app, GitHubDeployRoleStack.STACK_NAME, StackProps.builder()
                .description("user-images: the roles GitHub Actions assume through OIDC to deploy dev and prod")
                .build());
        Aspects.of(stack).add(UserImagesStage.nagChecks());
        return stack;
    }

    static StackProps stackProps() {
        return StackProps.builder()
                .description("user-images: per-user image collections (HTTP API, Lambda java25, DynamoDB)")
                .build();
    }

    /**
     * A stage's account and region from {@code stages.<name>}; without them environment-agnostic, so
     * the same template synthesizes with or without credentials and deploys wherever the CLI points.
     */
    static Environment environment(Node node, String stage) {
        return environment(node, stage, Environment.builder().build());
    }

    /** As {@link #environment(Node, String)}, with what the stage leaves out taken from {@code fallback}. */
    static Environment environment(Node node, String stage, Environment fallback) {
        var settings = StackConfig.stageSettings(node, stage);
        Object account = settings.get(StackConfig.ACCOUNT);
        Object region = settings.get(StackConfig.REGION);
        if (account != null && !account.toString().matches("\\d{12}")) {
            throw new IllegalArgumentException(StackConfig.STAGES + "." + stage + "." + StackConfig.ACCOUNT
                    + " must be a 12-digit account id, was '" + account + "'");
        }
        if (region != null && !region.toString().matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException(StackConfig.STAGES + "." + stage + "." + StackConfig.REGION
                    + " must be a region such as eu-west-1, was '" + region + "'");
        }
        return Environment.builder()
                .account(account == null ? fallback.getAccount() : account.toString())
                .region(region == null ? fallback.getRegion() : region.toString())
                .build();
    }
}
