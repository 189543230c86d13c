package com.userimages.core.priming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.ApiFunction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lists the build's training run made (PreloadListTraining, before the tests): there, current, and only loadable names. */
class PreloadListsTest {

    @ParameterizedTest
    @EnumSource(ApiFunction.class)
    void everyFunctionHasACurrentListOfItsInitAndFirstRequest(ApiFunction function) {
        ClassLoader loader = getClass().getClassLoader();
        List<String> names = ClassPreloader.classNames(function, loader);
        assertTrue(names.size() > 500, function + ": only " + names.size() + " classes; the training run did not reach its request");
        assertEquals(names.size(), new HashSet<>(names).size(), "a name twice");
        assertTrue(names.contains(function.handlerClassName()), "the handler itself");
        assertTrue(names.contains("software.amazon.awssdk.services.dynamodb.DefaultDynamoDbClient"), "the client's build (init)");
        assertTrue(names.contains("software.amazon.awssdk.protocols.json.internal.unmarshall.JsonProtocolUnmarshaller"),
                "a response read (the first request)");
        List<String> unloadable = new ArrayList<>();
        for (String name : names) {
            assertTrue(!name.contains("$$Lambda") && !name.contains("LambdaForm$"), "a hidden class: " + name);
            assertTrue(!name.startsWith("com.userimages.core.priming.Preload"), "the training's own class: " + name);
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                unloadable.add(name);
            }
        }
        assertEquals(List.of(), unloadable, "names the class path does not have: the list is stale");
    }

    @ParameterizedTest
    @EnumSource(value = ApiFunction.class, names = {"GET_ITEM", "LIST_PAGE"})
    void theReadingFunctionsListsHoldTheUrlSignerTheirUploadedCoverNeeded(ApiFunction function) {
        List<String> names = ClassPreloader.classNames(function, getClass().getClassLoader());
        assertTrue(names.contains("com.userimages.core.storage.ObjectUrlSigner"), "our signer");
        assertTrue(names.contains("software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner"), "the SDK's SigV4 signer");
        assertTrue(names.stream().noneMatch(n -> n.startsWith("software.amazon.awssdk.services.s3.")),
                "presigning must not load the S3 module");
    }
}
