package com.userimages.infra;

import com.userimages.contract.Cors;
import com.userimages.contract.ObjectAccess;
import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The private bucket uploaded images live in (API.md, "Uploads"): clients reach it only through URLs
 * a function presigned, the functions only through the prefixes their roles name. Its name is
 * CloudFormation's, so each stack and stage has its own.
 */
final class ImagesBucket {
    /** A pending upload nobody appended within a day is abandoned; an upload slot is valid for minutes. */
    static final int PENDING_UPLOAD_DAYS = 1;
    /** Nothing here uploads in parts (a presigned PUT is one request); parts of one ever begun are not kept and billed forever. */
    static final int INCOMPLETE_MULTIPART_DAYS = 1;

    private ImagesBucket() {}

    static Bucket create(Construct scope, String id, List<String> corsAllowOrigins) {
        Bucket.Builder builder = Bucket.Builder.create(scope, id)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                // ACLs off: the bucket owner owns every object, and a client's PUT cannot make one public.
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                // S3-managed keys: encrypted at rest at no cost and with no key permission in any role.
                // A KMS key would put kms:GenerateDataKey / kms:Decrypt in the roles that presign (the
                // signer's rights are what a presigned URL carries) and a KMS request on every PUT and GET.
                .encryption(BucketEncryption.S3_MANAGED)
                // A bucket policy that denies every request without TLS (aws:SecureTransport false).
                .enforceSsl(true)
                // Off: every key is written once and never overwritten, so versions would only keep
                // what a user deleted (and what the pending-upload rule expires) as noncurrent copies.
                .versioned(false)
                .lifecycleRules(List.of(
                        LifecycleRule.builder()
                                .id("expire-pending-uploads")
                                .prefix(ObjectAccess.UPLOADS_PREFIX)
                                .expiration(Duration.days(PENDING_UPLOAD_DAYS))
                                .build(),
                        LifecycleRule.builder()
                                .id("abort-incomplete-multipart-uploads")
                                .abortIncompleteMultipartUploadAfter(Duration.days(INCOMPLETE_MULTIPART_DAYS))
                                .build()))
                // Users' images outlive the stack, like the table that references them.
                .removalPolicy(RemovalPolicy.RETAIN);
        if (!corsAllowOrigins.isEmpty()) {
            builder.cors(List.of(CorsRule.builder()
                    .allowedOrigins(corsAllowOrigins)
                    .allowedMethods(Cors.UPLOAD_METHODS.stream().map(HttpMethods::valueOf).toList())
                    .allowedHeaders(Cors.UPLOAD_HEADERS)
                    .maxAge(Cors.MAX_AGE_SECONDS)
                    .build()));
        }
        Bucket bucket = builder.build();
        NagSuppressions.addResourceSuppressions(bucket, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-S1")
                .reason("Server access logs would need a second bucket for a record the stack already keeps: every "
                        + "function's S3 call is behind an API request in the access log and the request lines; the "
                        + "presigned PUTs and GETs clients send straight to S3 are the part only S3 sees. docs/deploy.md "
                        + "shows how to turn on server access logs or CloudTrail data events for this bucket.")
                .build()));
        return bucket;
    }
}
