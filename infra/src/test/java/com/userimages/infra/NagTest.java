package com.userimages.infra;

import static com.userimages.infra.TemplateModel.list;
import static com.userimages.infra.TemplateModel.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;

/** cdk-nag's AwsSolutions pack, applied by {@link UserImagesApp#build} exactly as in {@code cdk synth}. */
class NagTest {
    private final Synth.Result synth = Synth.shared();

    @Test
    void noAwsSolutionsErrors() {
        var errors = synth.annotations().findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
        assertEquals(List.of(), errors.stream().map(e -> e.getId() + ": " + e.getEntry().getData()).toList());
    }

    @Test
    void noWarningsAtAll() {
        // Neither cdk-nag's nor CDK's own: each is fixed or acknowledged with its reason in the code.
        var warnings = synth.annotations().findWarning("*", Match.anyValue());
        assertEquals(List.of(), warnings.stream().map(e -> e.getId() + ": " + e.getEntry().getData()).toList());
    }

    @Test
    void theChecksRanOnEveryResourceKind() throws Exception {
        // The pack writes its report as it checks; a rule listed here as Compliant was evaluated, not skipped.
        Path report = synth.templateFile().resolveSibling("AwsSolutions-" + UserImagesStack.STACK_NAME + "-NagReport.csv");
        String csv = Files.readString(report);
        for (String rule : List.of("AwsSolutions-APIG1", "AwsSolutions-APIG4", "AwsSolutions-IAM4",
                "AwsSolutions-IAM5", "AwsSolutions-L1", "AwsSolutions-DDB3")) {
            assertTrue(csv.contains("\"" + rule + "\""), rule + " not evaluated");
        }
        assertTrue(csv.lines().filter(l -> l.contains("\"Non-Compliant\"")).findAny().isEmpty(), csv);
    }

    @Test
    void theOnlySuppressionIsTheSecretRotationAndItIsExplained() {
        Map<String, List<String>> suppressed = new TreeMap<>();
        synth.model().resources().forEach((id, r) -> {
            Object nag = map(r).containsKey("Metadata") ? map(map(r).get("Metadata")).get("cdk_nag") : null;
            if (nag == null) return;
            for (Object rule : list(map(nag).get("rules_to_suppress"))) {
                String reason = (String) map(rule).get("reason");
                assertTrue(reason != null && reason.length() >= 80, "suppression without a real reason: " + rule);
                suppressed.computeIfAbsent(map(r).get("Type").toString(), k -> new java.util.ArrayList<>())
                        .add((String) map(rule).get("id"));
            }
        });
        assertEquals(Map.of("AWS::SecretsManager::Secret", List.of("AwsSolutions-SMG4")), suppressed);
    }
}
