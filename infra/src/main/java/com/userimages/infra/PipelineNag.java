package com.userimages.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.pipelines.CodePipeline;

/**
 * cdk-nag's findings on what CDK Pipelines generates, each with why it stays. Only two rules, on the
 * pipeline's own resources; the stages' stacks are checked by their own stage, unsuppressed.
 */
final class PipelineNag {
    private PipelineNag() {}

    static void suppress(CodePipeline pipeline) {
        NagSuppressions.addResourceSuppressions(pipeline.getPipeline().getArtifactBucket(), List.of(NagPackSuppression.builder()
                .id("AwsSolutions-S1")
                .reason("The artifact bucket holds only the pipeline's own intermediate artifacts (source zip, cloud "
                        + "assembly), KMS-encrypted, TLS-only and private; who reads them is the pipeline's roles, "
                        + "recorded by CloudTrail. A second bucket only for its access logs would add cost and nothing to audit.")
                .build()), true);
        NagSuppressions.addResourceSuppressions(pipeline, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("The wildcards are CDK's grants for the pipeline's own resources: object-level S3 actions "
                        + "(s3:GetObject*, s3:PutObject*, …) on this pipeline's artifact bucket's objects, kms:GenerateDataKey* "
                        + "and kms:ReEncrypt* on its artifact key, CodeBuild's log groups and report groups named after each "
                        + "project, and sts:AssumeRole on the CDK bootstrap roles (cdk-*) of the stage accounts; plus two "
                        + "of ours: the smoke step reads dev's machine client from the pool dev creates (its id is a deploy "
                        + "output, so userpool/*), and the fidelity step owns only tables named user_images-fidelity-*.")
                .build()), true);
    }
}
