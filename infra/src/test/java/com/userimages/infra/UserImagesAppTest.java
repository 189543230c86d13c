package com.userimages.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * Without {@code -c stage} the app is what it always was: {@code UserImagesStack} directly under the
 * App, with the same stack name, artifact id and template, so an existing deployment updates in
 * place instead of meeting a second stack and its retained table. The template is compared with a
 * golden file; a change to it is made on purpose: {@code -Dgolden.update=true} rewrites the file,
 * and the diff is reviewed with the change that caused it.
 */
class UserImagesAppTest {
    static final Path GOLDEN = Path.of("src/test/resources/golden/UserImagesStack.template.json");

    @Test
    void withoutAStageTheStackIsTodaysUnderTheApp() throws Exception {
        Synth.Result synth = Synth.shared();
        assertEquals(UserImagesStack.STACK_NAME, synth.stack().getStackName());
        assertEquals(UserImagesStack.STACK_NAME, synth.stack().getArtifactId());
        assertEquals(List.of(UserImagesStack.STACK_NAME), synth.stack().getNode().getScopes().stream()
                .skip(1).map(c -> c.getNode().getId()).toList(), "no Stage between the App and the stack");
        CloudAssembly assembly = new CloudAssembly(synth.templateFile().getParent().toString());
        assertEquals(List.of(UserImagesStack.STACK_NAME), assembly.getStacks().stream().map(s -> s.getId()).toList());

        String template = GoldenTemplate.normalized(Files.readString(synth.templateFile()));
        if (Boolean.getBoolean("golden.update")) Files.writeString(GOLDEN, template);
        assertEquals(Files.readString(GOLDEN), template,
                "the default synth changed: if on purpose, rerun with -Dgolden.update=true and commit the golden file");
    }
}
