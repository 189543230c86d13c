package com.userimages.infra;

import java.util.List;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;
import software.constructs.Node;

/**
 * {@code -c githubRepository=owner/repo}: the roles {@code .github/workflows/deploy.yml} assumes, one
 * per GitHub environment — {@code dev} and {@code prod} deploy, {@code prod-preview} only runs the
 * security diff against prod. Deployed once per account that GitHub deploys to.
 */
public final class GitHubDeployRoleStack extends Stack {
    public static final String STACK_NAME = "UserImagesGitHubDeployRoles";
    static final String GITHUB_REPOSITORY = "githubRepository";
    /** The account's existing GitHub OIDC provider, if any (there can be only one per account). */
    static final String GITHUB_OIDC_PROVIDER_ARN = "githubOidcProviderArn";
    static final String BOOTSTRAP_QUALIFIER = "bootstrapQualifier";
    static final String DEFAULT_QUALIFIER = "hnb659fds";
    static final String PROD_PREVIEW = "prod-preview";

    private final GitHubDeployRole roles;

    public GitHubDeployRoleStack(Construct scope, String id, StackProps props) {
        super(scope, id, props);
        Node node = getNode();
        Object provider = node.tryGetContext(GITHUB_OIDC_PROVIDER_ARN);
        Object qualifier = node.tryGetContext(BOOTSTRAP_QUALIFIER);
        Object repository = node.tryGetContext(GITHUB_REPOSITORY);
        Environment here = Environment.builder().account(getAccount()).region(getRegion()).build();
        Environment dev = UserImagesApp.environment(node, PipelineStack.DEV, here);
        Environment prod = UserImagesApp.environment(node, PipelineStack.PROD, here);
        roles = new GitHubDeployRole(this, "GitHub", repository == null ? null : repository.toString().trim(), List.of(
                new GitHubDeployRole.Target(PipelineStack.DEV, GitHubDeployRole.Access.DEPLOY, dev.getAccount(), dev.getRegion()),
                new GitHubDeployRole.Target(PROD_PREVIEW, GitHubDeployRole.Access.DIFF, prod.getAccount(), prod.getRegion()),
                new GitHubDeployRole.Target(PipelineStack.PROD, GitHubDeployRole.Access.DEPLOY, prod.getAccount(), prod.getRegion())),
                provider == null ? null : provider.toString().trim(),
                qualifier == null ? DEFAULT_QUALIFIER : qualifier.toString().trim());
        for (String environment : List.of(PipelineStack.DEV, PROD_PREVIEW, PipelineStack.PROD)) {
            CfnOutput.Builder.create(this, LogicalIds.pascal(environment) + "RoleArn")
                    .value(roles.role(environment).getRoleArn())
                    .description("GitHub environment " + environment + ": its AWS_ROLE_ARN variable").build();
        }
    }

    GitHubDeployRole roles() {
        return roles;
    }
}
