package com.userimages.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.ApiFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** Every handler a template names is a class in the jar both templates deploy. */
class HandlerJarTest {
    /** Classes the JDK itself holds: never in the jar. */
    private static final Pattern JDK_PACKAGES = Pattern.compile("(java|javax|jdk|sun|com\\.sun)\\.");

    private static Set<String> jarEntries() throws IOException {
        try (ZipFile jar = new ZipFile(Synth.functionsJar().toFile())) {
            return jar.stream().map(ZipEntry::getName).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static String classEntry(String handlerSpec) {
        String className = handlerSpec.contains("::") ? handlerSpec.substring(0, handlerSpec.indexOf("::")) : handlerSpec;
        return className.replace('.', '/') + ".class";
    }

    @Test
    void everyNamedHandlerIsInTheJar() throws Exception {
        Set<String> entries = jarEntries();
        Set<String> named = new TreeSet<>();
        for (ApiFunction f : ApiFunction.values()) named.add(f.handlerSpec());
        Synth.shared().model().ofType("AWS::Lambda::Function").values()
                .forEach(r -> named.add((String) TemplateModel.props(r).get("Handler")));
        SamTemplate.read(Synth.repoRoot().resolve("template.yaml")).functions().values()
                .forEach(fn -> named.add((String) fn.get("Handler")));

        List<String> missing = named.stream().filter(h -> !entries.contains(classEntry(h))).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void theJarIsTheShadedOneWithTheSharedDefinitions() throws Exception {
        Set<String> entries = jarEntries();
        // The handlers run on these: a thin jar would deploy and then fail on the first request.
        assertTrue(entries.contains(classEntry(ApiFunction.class.getName())), "functions' own classes");
        assertTrue(entries.contains("software/amazon/awssdk/services/dynamodb/DynamoDbClient.class"), "DynamoDB SDK");
        assertTrue(entries.contains("com/amazonaws/services/lambda/runtime/Context.class"), "Lambda core");
    }

    @Test
    void theJarCarriesEachFunctionsPreloadList() throws Exception {
        Set<String> entries = jarEntries();
        // Made by the functions build's training run; without them a cold start is slower, not broken.
        List<String> missing = Arrays.stream(ApiFunction.values())
                .map(f -> "META-INF/user-images/preload/" + f.functionName() + ".classes")
                .filter(entry -> !entries.contains(entry)).toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void everyClassAFunctionLoadedInTrainingIsInTheJarOrTheJdk() throws Exception {
        // The lists name what the init and first request of each function loaded: the filters that keep
        // the jar small (only payload 2.0's event classes, no dependency poms) must not drop one of them.
        Set<String> entries = jarEntries();
        List<String> missing = new ArrayList<>();
        try (ZipFile jar = new ZipFile(Synth.functionsJar().toFile())) {
            for (ApiFunction f : ApiFunction.values()) {
                ZipEntry list = jar.getEntry("META-INF/user-images/preload/" + f.functionName() + ".classes");
                if (list == null) continue;
                String text = new String(jar.getInputStream(list).readAllBytes(), StandardCharsets.UTF_8);
                text.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                        .filter(name -> !JDK_PACKAGES.matcher(name).lookingAt())
                        .filter(name -> !entries.contains(name.replace('.', '/') + ".class"))
                        .forEach(name -> missing.add(f.functionName() + ": " + name));
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theJarStaysUnderFourteenMegabytesWithOnlyPayload20Events() throws Exception {
        // Lambda fetches and opens the jar on every new container: its size is part of each cold start.
        assertTrue(Files.size(Synth.functionsJar()) <= 14_000_000L, Files.size(Synth.functionsJar()) + " bytes");
        List<String> otherEvents = jarEntries().stream()
                .filter(e -> e.startsWith("com/amazonaws/services/lambda/runtime/events/") && e.endsWith(".class"))
                .filter(e -> !e.startsWith("com/amazonaws/services/lambda/runtime/events/APIGatewayV2HTTP"))
                .toList();
        assertEquals(List.of(), otherEvents);
        assertTrue(jarEntries().contains("com/amazonaws/services/lambda/runtime/events/APIGatewayV2HTTPEvent.class"));
    }
}
