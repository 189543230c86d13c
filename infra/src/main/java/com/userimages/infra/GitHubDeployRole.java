package com.userimages.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.FederatedPrincipal;
import software.amazon.awscdk.services.iam.IOidcProvider;
import software.amazon.awscdk.services.iam.OidcProviderNative;
import software.amazon.awscdk.services.iam.PolicyDocument;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.constructs.Construct;

/**
 * Credentials for GitHub Actions without a stored key: the account's OIDC provider for GitHub's
 * token issuer (created here, or imported where the account already has its one), and a role per
 * GitHub environment that only a job of that repository running in that environment can assume
 * ({@code sub} is exactly {@code repo:OWNER/REPO:environment:ENV}, {@code aud} exactly
 * {@code sts.amazonaws.com}, both {@code StringEquals}), and that may do nothing but assume the
 * CDK bootstrap roles the CLI needs (the deploy role carries the real permissions).
 */
final class GitHubDeployRole extends Construct {
    static final String ISSUER_HOST = "token.actions.githubusercontent.com";
    static final String AUDIENCE = "sts.amazonaws.com";

    /** What a GitHub environment's jobs do with AWS, and so which bootstrap roles they may assume. */
    enum Access {
        /** {@code cdk deploy}: publish assets, read context, deploy. */
        DEPLOY(List.of("deploy", "file-publishing", "image-publishing", "lookup")),
        /** {@code cdk diff} only: read the deployed template through the lookup role. */
        DIFF(List.of("lookup"));

        final List<String> bootstrapRoles;

        Access(List<String> bootstrapRoles) {
            this.bootstrapRoles = bootstrapRoles;
        }
    }

    /** One GitHub environment: its name, what it may do, and the account and region it deploys to. */
    record Target(String environment, Access access, String account, String region) {}

    private final IOidcProvider provider;
    private final Map<String, Role> roles = new LinkedHashMap<>();

    GitHubDeployRole(Construct scope, String id, String repository, List<Target> targets, String existingProviderArn,
                     String bootstrapQualifier) {
        super(scope, id);
        requireRepository(repository);
        if (!bootstrapQualifier.matches("[a-z0-9]{1,10}")) {
            throw new IllegalArgumentException("bootstrapQualifier must be CDK's qualifier (lowercase letters and digits, "
                    + "hnb659fds unless bootstrapped with --qualifier), was '" + bootstrapQualifier + "'");
        }
        // IAM allows one provider per issuer URL and account: a second stack creating it would fail.
        provider = existingProviderArn == null
                ? OidcProviderNative.Builder.create(this, "GitHubOidc")
                        .url("https://" + ISSUER_HOST)
                        .clientIds(List.of(AUDIENCE))
                        // Other roles of the account may trust it too: keep it when this stack goes.
                        .removalPolicy(RemovalPolicy.RETAIN)
                        .build()
                : OidcProviderNative.fromOidcProviderArn(this, "GitHubOidc", existingProviderArn);
        for (Target target : targets) {
            roles.put(target.environment(), role(repository, target, bootstrapQualifier));
        }
    }

    /** {@code owner/name}, literally: a wildcard here would let other repositories deploy. */
    static void requireRepository(String repository) {
        if (repository == null || !repository.matches("[A-Za-z0-9-]{1,39}/[A-Za-z0-9_.-]{1,100}")) {
            throw new IllegalArgumentException("githubRepository must be owner/name exactly (no wildcard), was '"
                    + repository + "'");
        }
    }

    private Role role(String repository, Target target, String qualifier) {
        if (!target.environment().matches("[A-Za-z0-9_-]{1,64}")) {
            throw new IllegalArgumentException("a GitHub environment name of letters, digits, '-' or '_', was '"
                    + target.environment() + "'");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(ISSUER_HOST + ":aud", AUDIENCE);
        claims.put(ISSUER_HOST + ":sub", subject(repository, target.environment()));
        Stack stack = Stack.of(this);
        List<String> bootstrapRoles = target.access().bootstrapRoles.stream()
                .map(kind -> "arn:" + stack.getPartition() + ":iam::" + target.account() + ":role/cdk-" + qualifier
                        + "-" + kind + "-role-" + target.account() + "-" + target.region())
                .toList();
        return Role.Builder.create(this, LogicalIds.pascal(target.environment()) + "Role")
                .description("GitHub Actions of " + repository + ", environment " + target.environment()
                        + ": may only assume the CDK bootstrap roles")
                .assumedBy(new FederatedPrincipal(provider.getOidcProviderArn(), Map.of("StringEquals", claims),
                        "sts:AssumeRoleWithWebIdentity"))
                .maxSessionDuration(Duration.hours(1))
                .inlinePolicies(Map.of("assume-cdk-bootstrap-roles", PolicyDocument.Builder.create()
                        .statements(List.of(PolicyStatement.Builder.create()
                                .actions(List.of("sts:AssumeRole"))
                                .resources(bootstrapRoles)
                                .build()))
                        .build()))
                .build();
    }

    /** The token's subject for a job that names {@code environment:} — GitHub's documented format. */
    static String subject(String repository, String environment) {
        return "repo:" + repository + ":environment:" + environment;
    }

    Role role(String environment) {
        return roles.get(environment);
    }

    IOidcProvider provider() {
        return provider;
    }
}
