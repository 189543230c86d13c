package com.userimages.infra;

import static com.userimages.infra.TemplateModel.list;
import static com.userimages.infra.TemplateModel.map;
import static com.userimages.infra.TemplateModel.props;
import static com.userimages.infra.TemplateModel.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.Cors;
import com.userimages.contract.ObjectAccess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The images bucket (API.md, "Uploads"): private, TLS only, encrypted, self-cleaning, kept with the stack's data. */
class ImagesBucketTest {
    private final TemplateModel model = Synth.shared().model();

    private Map<String, Object> bucket(TemplateModel m) {
        return m.resource(m.only("AWS::S3::Bucket"));
    }

    @Test
    void oneBucketWithAGeneratedNameThatOutlivesTheStack() {
        Map<String, Object> bucket = bucket(model);
        assertFalse(props(bucket).containsKey("BucketName"), "CloudFormation names it: one bucket per stack and stage");
        assertEquals("Retain", bucket.get("DeletionPolicy"));
        assertEquals("Retain", bucket.get("UpdateReplacePolicy"));
    }

    @Test
    void allPublicAccessIsBlockedAndAclsAreOff() {
        Map<String, Object> p = props(bucket(model));
        assertEquals(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                "RestrictPublicBuckets", true), p.get("PublicAccessBlockConfiguration"));
        assertEquals(Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))), p.get("OwnershipControls"));
    }

    @Test
    void encryptedAtRestWithS3ManagedKeysAndUnversioned() {
        Map<String, Object> p = props(bucket(model));
        assertEquals(Map.of("ServerSideEncryptionConfiguration", List.of(Map.of("ServerSideEncryptionByDefault",
                Map.of("SSEAlgorithm", "AES256")))), p.get("BucketEncryption"));
        assertFalse(p.containsKey("VersioningConfiguration"), "every key is written once: no versions to keep");
    }

    @Test
    void everyRequestWithoutTlsIsDenied() {
        String bucket = model.only("AWS::S3::Bucket");
        Map<String, Object> policy = props(model.resource(model.only("AWS::S3::BucketPolicy")));
        assertEquals(Map.of("Ref", bucket), policy.get("Bucket"));
        List<Object> statements = list(map(policy.get("PolicyDocument")).get("Statement"));
        assertEquals(1, statements.size(), statements.toString());
        Map<String, Object> deny = map(statements.getFirst());
        assertEquals("Deny", deny.get("Effect"));
        assertEquals(Map.of("AWS", "*"), deny.get("Principal"));
        assertEquals("s3:*", deny.get("Action"));
        assertEquals(Map.of("Bool", Map.of("aws:SecureTransport", "false")), deny.get("Condition"));
        // The bucket and every key in it.
        assertEquals(List.of(Map.of("Fn::GetAtt", List.of(bucket, "Arn")), Map.of("Fn::Join", List.of("",
                List.of(Map.of("Fn::GetAtt", List.of(bucket, "Arn")), "/*")))), deny.get("Resource"));
    }

    @Test
    void pendingUploadsExpireAndIncompleteMultipartUploadsAreAbortedAfterADay() {
        List<Object> rules = list(map(props(bucket(model)).get("LifecycleConfiguration")).get("Rules"));
        assertEquals(List.of(
                Map.of("Id", "expire-pending-uploads", "Prefix", ObjectAccess.UPLOADS_PREFIX,
                        "ExpirationInDays", ImagesBucket.PENDING_UPLOAD_DAYS, "Status", "Enabled"),
                Map.of("Id", "abort-incomplete-multipart-uploads", "Status", "Enabled",
                        "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", ImagesBucket.INCOMPLETE_MULTIPART_DAYS))),
                rules);
        assertEquals(1, ImagesBucket.PENDING_UPLOAD_DAYS);
        // Nothing expires what a collection holds.
        assertTrue(rules.stream().noneMatch(r -> ObjectAccess.IMAGES_PREFIX.equals(map(r).get("Prefix"))));
    }

    @Test
    void noCorsUnlessOriginsAreGiven() {
        assertFalse(props(bucket(model)).containsKey("CorsConfiguration"));
    }

    @Test
    void withOriginsBrowsersMayPutAndGetSendingOnlyTheContentType() {
        Map<String, Object> cors = map(props(bucket(Synth.variant().model())).get("CorsConfiguration"));
        assertEquals(List.of(Map.of("AllowedOrigins", StackConfig.list(Synth.CORS_ORIGINS),
                "AllowedMethods", Cors.UPLOAD_METHODS, "AllowedHeaders", Cors.UPLOAD_HEADERS,
                "MaxAge", Cors.MAX_AGE_SECONDS)), cors.get("CorsRules"));
    }

    @Test
    void theFunctionsThatUseItAreGivenItsName() {
        String bucket = model.only("AWS::S3::Bucket");
        assertEquals(Map.of("Ref", bucket), map(map(model.json().get("Outputs")).get("ImagesBucketName")).get("Value"));
        assertEquals(bucket, target(map(map(model.json().get("Outputs")).get("ImagesBucketName")).get("Value")));
    }
}
