package com.userimages.infra;

import java.util.ArrayList;
import java.util.List;
import software.constructs.Node;

/**
 * The pipeline's own settings ({@code -c pipeline=true}): where its source is (a CodeStar connection
 * to a repository and branch), and whether dev also runs the suite against a real table. The stages'
 * settings are {@link StackConfig}'s, per stage ({@code stages.dev}, {@code stages.prod}).
 */
record PipelineConfig(String repository, String branch, String connectionArn, boolean fidelityStep,
                      String account, String region) {
    static final String PIPELINE = "pipeline";
    static final String REPOSITORY = "repository";
    static final String BRANCH = "branch";
    static final String CONNECTION_ARN = "connectionArn";
    static final String FIDELITY_STEP = "fidelityStep";
    static final String DEFAULT_BRANCH = "main";
    /** Where the pipeline itself lives; a stage without its own account and region deploys there too. */
    static final String PIPELINE_ACCOUNT = "pipelineAccount";
    static final String PIPELINE_REGION = "pipelineRegion";

    PipelineConfig {
        if (repository == null || !repository.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException(REPOSITORY + " must be owner/name (-c " + REPOSITORY
                    + "=owner/user-images), was '" + repository + "'");
        }
        if (!branch.matches("[A-Za-z0-9._/-]+")) {
            throw new IllegalArgumentException(BRANCH + " is not a branch name: '" + branch + "'");
        }
        // Both prefixes name the same service (CodeStar Connections, renamed CodeConnections).
        if (connectionArn == null
                || !connectionArn.matches("arn:aws[a-z-]*:(codestar-connections|codeconnections):[a-z0-9-]+:\\d{12}:connection/[0-9a-f-]+")) {
            throw new IllegalArgumentException(CONNECTION_ARN + " must be a CodeStar connection's ARN"
                    + " (arn:aws:codeconnections:REGION:ACCOUNT:connection/ID; create it once in the console), was '"
                    + connectionArn + "'");
        }
        // CodePipeline needs both for cross-account actions (its artifact keys and replication buckets).
        if (account == null || !account.matches("\\d{12}")) {
            throw new IllegalArgumentException(PIPELINE_ACCOUNT + " must be the pipeline's 12-digit account id, was '" + account + "'");
        }
        if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException(PIPELINE_REGION + " must be the pipeline's region (eu-west-1, …), was '" + region + "'");
        }
    }

    static boolean requested(Node node) {
        return "true".equals(String.valueOf(node.tryGetContext(PIPELINE)));
    }

    static PipelineConfig fromContext(Node node) {
        Object branch = node.tryGetContext(BRANCH);
        Object fidelity = node.tryGetContext(FIDELITY_STEP);
        return new PipelineConfig(text(node, REPOSITORY), branch == null ? DEFAULT_BRANCH : branch.toString().trim(),
                text(node, CONNECTION_ARN), fidelity != null && "true".equals(fidelity.toString().trim()),
                text(node, PIPELINE_ACCOUNT), text(node, PIPELINE_REGION));
    }

    /** The same context again, for the synth step: the pipeline it synthesizes is this one. */
    List<String> synthContext() {
        List<String> args = new ArrayList<>(List.of("-c", PIPELINE + "=true", "-c", REPOSITORY + "=" + repository,
                "-c", BRANCH + "=" + branch, "-c", CONNECTION_ARN + "=" + connectionArn,
                "-c", PIPELINE_ACCOUNT + "=" + account, "-c", PIPELINE_REGION + "=" + region));
        if (fidelityStep) args.addAll(List.of("-c", FIDELITY_STEP + "=true"));
        return args;
    }

    software.amazon.awscdk.Environment environment() {
        return software.amazon.awscdk.Environment.builder().account(account).region(region).build();
    }

    private static String text(Node node, String key) {
        Object value = node.tryGetContext(key);
        return value == null ? null : value.toString().trim();
    }
}
