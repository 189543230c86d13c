package com.userimages.infra;

import static com.userimages.infra.TemplateModel.list;
import static com.userimages.infra.TemplateModel.map;
import static com.userimages.infra.TemplateModel.props;
import static com.userimages.infra.TemplateModel.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.userimages.contract.ApiFunction;
import com.userimages.contract.Setting;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FunctionsTest {
    private final TemplateModel model = Synth.shared().model();

    /** The function whose handler is this ApiFunction's: identifies it without relying on logical ids. */
    static Map.Entry<String, Map<String, Object>> function(TemplateModel model, ApiFunction spec) {
        var matches = model.ofType("AWS::Lambda::Function").entrySet().stream()
                .filter(e -> spec.handlerSpec().equals(props(e.getValue()).get("Handler")))
                .toList();
        assertEquals(1, matches.size(), "functions with handler " + spec.handlerSpec());
        return matches.get(0);
    }

    @Test
    void exactlyOneFunctionPerApiFunction() {
        assertEquals(ApiFunction.values().length, model.ofType("AWS::Lambda::Function").size());
        for (ApiFunction spec : ApiFunction.values()) function(model, spec);
    }

    @Test
    void allFourRunTheOneJar() {
        Set<Object> codes = new HashSet<>();
        model.ofType("AWS::Lambda::Function").values().forEach(f -> codes.add(props(f).get("Code")));
        assertEquals(1, codes.size(), "distinct code assets: " + codes);
        String key = (String) map(codes.iterator().next()).get("S3Key");
        assertTrue(key.endsWith(".jar"), key);
    }

    @ParameterizedTest
    @EnumSource(ApiFunction.class)
    void runtimeArchitectureSnapStartAndLogs(ApiFunction spec) {
        Map<String, Object> p = props(function(model, spec).getValue());
        assertEquals("java25", p.get("Runtime"));
        assertEquals(java.util.List.of("arm64"), p.get("Architectures"));
        assertEquals(Map.of("ApplyOn", "PublishedVersions"), p.get("SnapStart"));

        Map<String, Object> logging = map(p.get("LoggingConfig"));
        assertEquals("JSON", logging.get("LogFormat"));
        Map<String, Object> logGroup = model.resource(target(logging.get("LogGroup")));
        assertEquals("AWS::Logs::LogGroup", logGroup.get("Type"));
        assertEquals(30, ((Number) props(logGroup).get("RetentionInDays")).intValue());
    }

    @ParameterizedTest
    @EnumSource(ApiFunction.class)
    void activeTracingWithoutAnAgentLayer(ApiFunction spec) {
        Map<String, Object> p = props(function(model, spec).getValue());
        assertEquals(Map.of("Mode", "Active"), p.get("TracingConfig"));
        assertEquals(null, p.get("Layers"), "no tracing agent: it would cost cold start");
    }

    @ParameterizedTest
    @EnumSource(ApiFunction.class)
    void environmentIsTheTableTheBucketWhereUsedAndOnlyListPageGetsTheSecretArn(ApiFunction spec) {
        Map<String, Object> vars = map(map(props(function(model, spec).getValue()).get("Environment")).get("Variables"));
        String table = model.ofType("AWS::DynamoDB::Table").keySet().iterator().next();
        String secret = model.ofType("AWS::SecretsManager::Secret").keySet().iterator().next();
        String bucket = model.only("AWS::S3::Bucket");

        assertEquals(table, target(vars.get(Setting.TABLE_NAME.name())));
        // The function checks the same scopes the gateway's routes demand.
        String scopeSetting = spec == ApiFunction.CREATE_TABLE ? Setting.ADMIN_SCOPE.name() : Setting.DATA_SCOPES.name();
        Set<String> expected = new HashSet<>(Set.of(Setting.TABLE_NAME.name(), scopeSetting));
        if (spec == ApiFunction.LIST_PAGE) {
            expected.add(Setting.PAGE_TOKEN_SECRET_ARN.name());
            assertEquals(secret, target(vars.get(Setting.PAGE_TOKEN_SECRET_ARN.name())));
        }
        if (spec.usesImagesBucket()) {
            // Its generated name; S3_ENDPOINT stays unset (the real S3), the upload bounds their code defaults.
            expected.add(Setting.IMAGES_BUCKET.name());
            assertEquals(Map.of("Ref", bucket), vars.get(Setting.IMAGES_BUCKET.name()));
        }
        assertEquals(expected, vars.keySet());
        assertEquals(spec == ApiFunction.CREATE_TABLE ? "images/admin" : "images/user,images/admin", vars.get(scopeSetting));
        // Every variable set is one the function actually reads.
        for (String name : vars.keySet()) assertTrue(spec.settings().contains(Setting.valueOf(name)), name);
    }

    @ParameterizedTest
    @EnumSource(ApiFunction.class)
    void everyFunctionHasAConcurrencyCapAndCreateTableOne(ApiFunction spec) {
        Object reserved = props(function(model, spec).getValue()).get("ReservedConcurrentExecutions");
        assertEquals(spec == ApiFunction.CREATE_TABLE ? 1 : Synth.RESERVED_CONCURRENCY, ((Number) reserved).intValue());
    }

    @ParameterizedTest
    @EnumSource(ApiFunction.class)
    void logGroupsOutliveTheStack(ApiFunction spec) {
        Map<String, Object> logging = map(props(function(model, spec).getValue()).get("LoggingConfig"));
        Map<String, Object> logGroup = model.resource(target(logging.get("LogGroup")));
        assertEquals("Retain", logGroup.get("DeletionPolicy"));
        assertEquals("Retain", logGroup.get("UpdateReplacePolicy"));
    }

    @ParameterizedTest
    @EnumSource(ApiFunction.class)
    void timeoutFitsUnderTheGatewaysThirtySeconds(ApiFunction spec) {
        Map<String, Object> p = props(function(model, spec).getValue());
        int timeout = ((Number) p.get("Timeout")).intValue();
        assertTrue(timeout < 30, spec + " timeout " + timeout);
        assertTrue(((Number) p.get("MemorySize")).intValue() >= 512, spec + " memory");
        if (spec == ApiFunction.CREATE_TABLE) {
            // It waits up to 20 s for ACTIVE and must still answer itself (202) after that wait.
            assertTrue(timeout > 20, "create-table timeout " + timeout);
        }
    }

    @ParameterizedTest
    @EnumSource(ApiFunction.class)
    void eachFunctionHasALiveAliasOnAPublishedVersion(ApiFunction spec) {
        String fn = function(model, spec).getKey();
        var aliases = model.ofType("AWS::Lambda::Alias").values().stream()
                .filter(a -> fn.equals(target(props(a).get("FunctionName"))))
                .toList();
        assertEquals(1, aliases.size(), "aliases of " + spec);
        Map<String, Object> alias = props(aliases.get(0));
        assertEquals(LambdaFunctions.ALIAS_NAME, alias.get("Name"));

        Map<String, Object> version = model.resource(target(alias.get("FunctionVersion")));
        assertEquals("AWS::Lambda::Version", version.get("Type"));
        assertEquals(fn, target(props(version).get("FunctionName")));
        assertEquals("Version", list(map(alias.get("FunctionVersion")).get("Fn::GetAtt")).get(1));
    }

    /** Logical id of the version the function's alias points at (CDK names it after a hash of the function). */
    private static String publishedVersion(TemplateModel model, ApiFunction spec) {
        String fn = function(model, spec).getKey();
        return model.ofType("AWS::Lambda::Alias").values().stream()
                .filter(a -> fn.equals(target(props(a).get("FunctionName"))))
                .map(a -> target(props(a).get("FunctionVersion")))
                .findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(ApiFunction.class)
    void aNewPageTokenKeyGenerationRepublishesOnlyWhatReadsTheSecret(ApiFunction spec) {
        // SnapStart froze the key read at init; only a new version reads the rotated one.
        boolean readsSecret = spec.settings().contains(Setting.PAGE_TOKEN_SECRET_ARN);
        boolean republished = !publishedVersion(model, spec).equals(publishedVersion(Synth.variant().model(), spec));
        assertEquals(readsSecret, republished, spec.functionName());
    }
}
