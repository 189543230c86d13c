package com.userimages.infra;

import static com.userimages.infra.TemplateModel.list;
import static com.userimages.infra.TemplateModel.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.ApiFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awscdk.assertions.Match;

/**
 * cdk-nag's AwsSolutions pack, applied by {@link UserImagesApp#build} exactly as in {@code cdk synth},
 * in both modes: with the operator's identity provider and with the stack's own user pool.
 */
class NagTest {
    static Stream<Arguments> modes() {
        return Stream.of(Arguments.of("operator's issuer", Synth.shared()), Arguments.of("own user pool", Synth.userPool()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void noAwsSolutionsErrors(String mode, Synth.Result synth) {
        var errors = synth.annotations().findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertEquals(List.of(), errors.stream().map(e -> e.getId() + ": " + e.getEntry().getData()).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modes")
    void noWarningsAtAll(String mode, Synth.Result synth) {
        // Neither cdk-nag's nor CDK's own: each is fixed or acknowledged with its reason in the code.
        var warnings = synth.annotations().findWarning("*", Match.anyValue());
        assertEquals(List.of(), warnings.stream().map(e -> e.getId() + ": " + e.getEntry().getData()).toList());
    }

    private static String report(Synth.Result synth) throws Exception {
        // The pack writes its report as it checks; a rule listed there as Compliant was evaluated, not skipped.
        Path report = synth.templateFile().resolveSibling("AwsSolutions-" + UserImagesStack.STACK_NAME + "-NagReport.csv");
        return Files.readString(report);
    }

    @Test
    void theChecksRanOnEveryResourceKind() throws Exception {
        String csv = report(Synth.shared());
        for (String rule : List.of("AwsSolutions-APIG1", "AwsSolutions-APIG4", "AwsSolutions-IAM4",
                "AwsSolutions-IAM5", "AwsSolutions-L1", "AwsSolutions-DDB3", "AwsSolutions-SNS3",
                "AwsSolutions-KMS5")) {
            assertTrue(csv.contains("\"" + rule + "\""), rule + " not evaluated");
        }
        assertTrue(csv.lines().filter(l -> l.contains("\"Non-Compliant\"")).findAny().isEmpty(), csv);
    }

    @Test
    void theUserPoolRulesRanAndPassOrAreExplained() throws Exception {
        String csv = report(Synth.userPool());
        // (cdk-nag 2.37 has no SNS2 any more; MonitoringTest asserts the topic's KMS key itself.)
        for (String rule : List.of("AwsSolutions-COG1", "AwsSolutions-COG2", "AwsSolutions-SNS3")) {
            assertTrue(csv.lines().anyMatch(l -> l.startsWith("\"" + rule + "\"") && l.contains("\"Compliant\"")),
                    rule + " not evaluated as compliant");
        }
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("\"AwsSolutions-COG3\"") && l.contains("\"Suppressed\"")), csv);
        assertTrue(csv.lines().filter(l -> l.contains("\"Non-Compliant\"")).findAny().isEmpty(), csv);
    }

    /** Resource type → the rules suppressed on resources of that type, each with a real reason. */
    private static Map<String, TreeSet<String>> suppressions(Synth.Result synth) {
        Map<String, TreeSet<String>> suppressed = new TreeMap<>();
        synth.model().resources().forEach((id, r) -> {
            Object nag = map(r).containsKey("Metadata") ? map(map(r).get("Metadata")).get("cdk_nag") : null;
            if (nag == null) return;
            for (Object rule : list(map(nag).get("rules_to_suppress"))) {
                String reason = (String) map(rule).get("reason");
                assertTrue(reason != null && reason.length() >= 80, "suppression without a real reason: " + rule);
                String entry = (String) map(rule).get("id");
                if (map(rule).get("applies_to") != null) entry += " " + map(rule).get("applies_to");
                suppressed.computeIfAbsent(map(r).get("Type").toString(), k -> new TreeSet<>()).add(entry);
            }
        });
        return suppressed;
    }

    @Test
    void theSuppressionsAreTheSecretRotationXRaysResourceTheKeyPrefixesAndTheBucketsAccessLog() {
        // IAM5 only for what cannot name one resource (X-Ray, the keys under a prefix), never the whole role.
        String bucket = Synth.shared().model().only("AWS::S3::Bucket");
        TreeSet<String> roles = new TreeSet<>();
        for (ApiFunction spec : ApiFunction.values()) {
            List<String> wildcards = new ArrayList<>(List.of("Resource::*"));
            spec.objectAccess().forEach(a -> wildcards.add("Resource::<" + bucket + ".Arn>/" + a.keyPattern()));
            roles.add("AwsSolutions-IAM5 " + wildcards);
        }
        assertEquals(Map.of("AWS::SecretsManager::Secret", new TreeSet<>(List.of("AwsSolutions-SMG4")),
                        "AWS::IAM::Role", roles,
                        "AWS::S3::Bucket", new TreeSet<>(List.of("AwsSolutions-S1"))),
                suppressions(Synth.shared()));
        assertEquals(Synth.shared().model().ofType("AWS::IAM::Role").size(), new ArrayList<>(
                Synth.shared().model().ofType("AWS::IAM::Role").values()).stream()
                .filter(r -> map(r).containsKey("Metadata")).count(), "every function role carries the X-Ray reason");
    }

    /** TLS only is the bucket policy's own statement, not a suppression. */
    @Test
    void theBucketRulesRanAndTlsOnlyIsCompliant() throws Exception {
        String csv = report(Synth.shared());
        for (String rule : List.of("AwsSolutions-S2", "AwsSolutions-S10")) {
            assertTrue(csv.lines().anyMatch(l -> l.startsWith("\"" + rule + "\"") && l.contains("\"Compliant\"")),
                    rule + " not evaluated as compliant");
        }
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("\"AwsSolutions-S1\"") && l.contains("\"Suppressed\"")), csv);
    }

    @Test
    void withTheUserPoolOnlyThreatProtectionIsAddedToTheSuppressions() {
        Map<String, TreeSet<String>> expected = new TreeMap<>(suppressions(Synth.shared()));
        expected.put("AWS::Cognito::UserPool", new TreeSet<>(List.of("AwsSolutions-COG3")));
        assertEquals(expected, suppressions(Synth.userPool()));
    }
}
