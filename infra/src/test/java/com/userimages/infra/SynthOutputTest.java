package com.userimages.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.assertions.Match;

class SynthOutputTest {
    @Test
    void templateFileIsWhatTheAssertionsSee() throws Exception {
        // .ci/run lints this file; it must be the synthesized template, not a stale copy.
        var synth = Synth.shared();
        assertEquals(Path.of(System.getProperty("cdk.outdir", "target/cdk")).resolve("UserImagesStack.template.json"),
                synth.templateFile());
        assertEquals(new ObjectMapper().readValue(synth.templateFile().toFile(), Map.class), synth.template().toJSON());
    }

    @Test
    void cdkJsonDefaultsSynthesizeWithOnlyThePlaceholderWarning(@TempDir Path outdir) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> context = (Map<String, Object>) new ObjectMapper()
                .readValue(Path.of("cdk.json").toFile(), Map.class).get("context");
        var synth = Synth.synth(context, outdir);
        assertEquals(List.of(), synth.annotations().findError("*", Match.anyValue()));
        var warnings = synth.annotations().findWarning("*", Match.anyValue()).stream()
                .map(w -> w.getEntry().getData().toString()).toList();
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(true, warnings.get(0).contains(StackConfig.PLACEHOLDER_ISSUER), warnings.toString());
    }
}
