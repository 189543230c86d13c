package com.userimages.infra;

import static com.userimages.infra.TemplateModel.list;
import static com.userimages.infra.TemplateModel.map;
import static com.userimages.infra.TemplateModel.props;
import static com.userimages.infra.TemplateModel.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.userimages.contract.ApiFunction;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.Cors;
import com.userimages.contract.ObjectAccess;
import com.userimages.contract.RouteScopes;
import com.userimages.contract.Setting;
import java.nio.file.Path;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * template.yaml (SAM), the synthesized CDK template and the functions module's route table describe
 * one system: this compares what each says about routes, scopes, the table, the functions and their
 * permissions, after reducing both templates to the same neutral views.
 */
class SamParityTest {
    /** Declared blank in template.yaml only, so {@code sam local invoke --env-vars} can set them. */
    static final Set<String> SAM_LOCAL_ONLY = Set.of(Setting.DYNAMODB_ENDPOINT.name(), Setting.PAGE_TOKEN_SECRET.name(),
            Setting.S3_ENDPOINT.name());

    /** template.yaml as written (conditions unresolved), and as deployed in each mode. */
    private static SamTemplate sam;
    private static SamTemplate samDefault;
    private static SamTemplate samUserPool;
    private static TemplateModel cdk;
    private static TemplateModel cdkUserPool;

    @BeforeAll
    static void read() throws Exception {
        sam = SamTemplate.read(Synth.repoRoot().resolve("template.yaml"));
        samDefault = sam.resolved(Map.of("UserPoolEnabled", false, "CorsEnabled", false, "AlarmEmailGiven", false));
        // Synth.userPool() also sets an alarm e-mail.
        samUserPool = sam.resolved(Map.of("UserPoolEnabled", true, "CorsEnabled", false, "AlarmEmailGiven", true));
        cdk = Synth.shared().model();
        cdkUserPool = Synth.userPool().model();
    }

    /** The two deployments compared: CDK context and SAM parameters chosen alike. */
    enum Mode {
        OPERATORS_ISSUER(false), OWN_USER_POOL(true);

        final boolean userPool;

        Mode(boolean userPool) { this.userPool = userPool; }

        SamTemplate sam() { return userPool ? samUserPool : samDefault; }

        TemplateModel cdk() { return userPool ? cdkUserPool : cdk; }
    }

    /** What a route is, independent of how a template spells it. */
    record RouteView(String handlerClass, List<String> scopes) {}

    /** What a function is, independent of how a template spells it. */
    record FunctionView(String runtime, Object architectures, Object snapStart, String tracing, String alias, int memoryMb,
                        int timeoutSeconds, int reservedConcurrency, String logFormat, int logRetentionDays,
                        List<Object> logGroupPolicies, Set<String> environment, Map<String, Set<String>> actionsOnResources) {}

    private static String handlerClass(Map<String, Object> functionProps) {
        String handler = (String) functionProps.get("Handler");
        return handler.substring(0, handler.indexOf("::"));
    }

    // ---------------------------------------------------------------- routes

    static Map<String, RouteView> routesOfApiRoute(Mode mode) {
        return Arrays.stream(ApiRoute.values()).collect(Collectors.toMap(ApiRoute::routeKey,
                // SAM cannot take parameters in AuthorizationScopes: both compare with the default names.
                r -> new RouteView(r.function().handlerClassName(), RouteScopes.DEFAULTS.required(r)),
                (a, b) -> a, TreeMap::new));
    }

    static Map<String, RouteView> routesOfSam(SamTemplate sam) {
        Map<String, Object> apiAuth = map(props(sam.model().resource("HttpApi")).get("Auth"));
        Map<String, RouteView> routes = new TreeMap<>();
        sam.functions().forEach((id, fn) -> {
            for (Object e : map(fn.getOrDefault("Events", Map.of())).values()) {
                Map<String, Object> event = map(e);
                assertEquals("HttpApi", event.get("Type"), id);
                Map<String, Object> p = map(event.get("Properties"));
                assertEquals(Map.of("Ref", "HttpApi"), p.get("ApiId"), id);
                assertEquals("2.0", p.get("PayloadFormatVersion"), id);
                Map<String, Object> auth = map(p.getOrDefault("Auth", Map.of()));
                // An event without its own authorizer gets the API's default; nothing may opt out.
                Object authorizer = auth.getOrDefault("Authorizer", apiAuth.get("DefaultAuthorizer"));
                assertEquals(UserImagesHttpApi.AUTHORIZER_NAME, authorizer, id + " " + p.get("Path"));
                List<String> scopes = list(auth.getOrDefault("AuthorizationScopes", List.of())).stream()
                        .map(String.class::cast).toList();
                String key = p.get("Method").toString().toUpperCase() + " " + p.get("Path");
                assertEquals(null, routes.put(key, new RouteView(handlerClass(fn), scopes)), "twice: " + key);
            }
        });
        return routes;
    }

    static Map<String, RouteView> routesOfCdk(TemplateModel cdk) {
        Map<String, RouteView> routes = new TreeMap<>();
        cdk.ofType("AWS::ApiGatewayV2::Route").values().forEach(r -> {
            Map<String, Object> route = props(r);
            assertEquals("JWT", route.get("AuthorizationType"));
            List<Object> join = list(list(map(route.get("Target")).get("Fn::Join")).get(1));
            Map<String, Object> integration = props(cdk.resource(target(join.get(1))));
            Map<String, Object> alias = props(cdk.resource(target(integration.get("IntegrationUri"))));
            Map<String, Object> fn = props(cdk.resource(target(alias.get("FunctionName"))));
            List<String> scopes = list(route.getOrDefault("AuthorizationScopes", List.of())).stream()
                    .map(String.class::cast).toList();
            routes.put((String) route.get("RouteKey"), new RouteView(handlerClass(fn), scopes));
        });
        return routes;
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void routesHandlersAndScopesAgree(Mode mode) {
        Map<String, RouteView> expected = routesOfApiRoute(mode);
        assertEquals(expected, routesOfSam(mode.sam()), "template.yaml vs ApiRoute");
        assertEquals(expected, routesOfCdk(mode.cdk()), "CDK vs ApiRoute");
    }

    // ---------------------------------------------------------------- functions

    /** A policy resource, named by what it is rather than by logical id. */
    private static String resourceKind(TemplateModel model, String ownLogGroup, Object resource) {
        if (resource instanceof Map<?, ?> m && m.get("Fn::Sub") instanceof String sub) {
            // An ARN and a suffix: the table's index, a bucket's keys under a prefix.
            Matcher suffixed = Pattern.compile("\\$\\{(\\w+)\\.Arn}(/[\\w/*]+)").matcher(sub);
            if (suffixed.matches()) return resourceKind(model, ownLogGroup, Map.of("Fn::GetAtt", List.of(suffixed.group(1), "Arn")))
                    + suffixed.group(2);
        }
        if (resource instanceof Map<?, ?> m && m.get("Fn::Join") instanceof List<?> join
                && list(join.get(1)).size() == 2 && list(join.get(1)).get(1) instanceof String suffix) {
            return resourceKind(model, ownLogGroup, list(join.get(1)).get(0)) + suffix;
        }
        if ("*".equals(resource)) return "*";
        String id = target(resource);
        assertNotNull(id, "a resource that is not a reference: " + resource);
        if (resource instanceof Map<?, ?> m && m.containsKey("Fn::GetAtt")) {
            assertEquals("Arn", list(m.get("Fn::GetAtt")).get(1), resource.toString());
        }
        String type = (String) model.resource(id).get("Type");
        return switch (type) {
            case "AWS::DynamoDB::Table" -> "table";
            case "AWS::SecretsManager::Secret" -> "page-token secret";
            case "AWS::S3::Bucket" -> "images bucket";
            case "AWS::Logs::LogGroup" -> id.equals(ownLogGroup) ? "own log group" : "another log group " + id;
            default -> type + " " + id;
        };
    }

    private static Map<String, Set<String>> actions(TemplateModel model, Map<String, Object> fn) {
        Map<String, Object> role = model.resource(target(fn.get("Role")));
        assertEquals("AWS::IAM::Role", role.get("Type"));
        assertFalse(props(role).containsKey("ManagedPolicyArns"), "managed policies on " + fn.get("Handler"));
        String ownLogGroup = target(map(fn.get("LoggingConfig")).get("LogGroup"));
        Map<String, Set<String>> actions = new TreeMap<>();
        for (Object policy : list(props(role).get("Policies"))) {
            for (Object s : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
                Map<String, Object> statement = map(s);
                assertEquals("Allow", statement.get("Effect"));
                Object a = statement.get("Action");
                Object r = statement.get("Resource");
                for (Object action : a instanceof List<?> ? list(a) : List.of(a)) {
                    for (Object resource : r instanceof List<?> ? list(r) : List.of(r)) {
                        actions.computeIfAbsent((String) action, k -> new TreeSet<>())
                                .add(resourceKind(model, ownLogGroup, resource));
                    }
                }
            }
        }
        return actions;
    }

    private static FunctionView view(TemplateModel model, Map<String, Object> fn, String alias, Set<String> envNames) {
        Map<String, Object> logging = map(fn.get("LoggingConfig"));
        Map<String, Object> logGroupResource = model.resource(target(logging.get("LogGroup")));
        Map<String, Object> logGroup = props(logGroupResource);
        // SAM's Tracing: Active is Lambda's TracingConfig.Mode.
        Object tracing = fn.containsKey("TracingConfig") ? map(fn.get("TracingConfig")).get("Mode") : fn.get("Tracing");
        return new FunctionView((String) fn.get("Runtime"), fn.get("Architectures"), fn.get("SnapStart"),
                (String) tracing, alias,
                ((Number) fn.get("MemorySize")).intValue(), ((Number) fn.get("Timeout")).intValue(),
                reservedConcurrency(fn.get("ReservedConcurrentExecutions")),
                (String) logging.get("LogFormat"), ((Number) logGroup.get("RetentionInDays")).intValue(),
                List.of(logGroupResource.getOrDefault("DeletionPolicy", "Delete"),
                        logGroupResource.getOrDefault("UpdateReplacePolicy", "Delete")),
                envNames, actions(model, fn));
    }

    /** A number, or (SAM) a parameter reference read as the parameter's default, which cdk.json's matches. */
    private static int reservedConcurrency(Object value) {
        assertNotNull(value, "every function has a concurrency cap");
        if (value instanceof Map<?, ?> m && m.get("Ref") instanceof String parameter) {
            value = map(map(sam.json().get("Parameters")).get(parameter)).get("Default");
        }
        return Integer.parseInt(value.toString());
    }

    private static Map<String, Object> variables(Map<String, Object> fn) {
        return map(map(fn.getOrDefault("Environment", Map.of("Variables", Map.of()))).get("Variables"));
    }

    static Map<String, FunctionView> functionsOfSam() {
        Map<String, FunctionView> views = new TreeMap<>();
        sam.functions().forEach((id, fn) -> {
            Map<String, Object> vars = variables(fn);
            Set<String> names = new TreeSet<>(vars.keySet());
            for (String local : SAM_LOCAL_ONLY) {
                if (names.remove(local)) assertEquals("", vars.get(local), id + " " + local + " must be blank in AWS");
            }
            views.put(handlerClass(fn), view(sam.model(), fn, (String) fn.get("AutoPublishAlias"), names));
        });
        return views;
    }

    static Map<String, FunctionView> functionsOfCdk() {
        Map<String, String> aliasOfFunction = new TreeMap<>();
        cdk.ofType("AWS::Lambda::Alias").values().forEach(a ->
                aliasOfFunction.put(target(props(a).get("FunctionName")), (String) props(a).get("Name")));
        Map<String, FunctionView> views = new TreeMap<>();
        cdk.ofType("AWS::Lambda::Function").forEach((id, r) -> {
            Map<String, Object> fn = props(r);
            views.put(handlerClass(fn), view(cdk, fn, aliasOfFunction.get(id), new TreeSet<>(variables(fn).keySet())));
        });
        return views;
    }

    @Test
    void functionsAgreeOnRuntimeArchitectureSizingLogsEnvironmentAndPermissions() {
        Map<String, FunctionView> fromCdk = functionsOfCdk();
        assertEquals(Arrays.stream(ApiFunction.values()).map(ApiFunction::handlerClassName).collect(Collectors.toSet()),
                fromCdk.keySet());
        Map<String, FunctionView> fromSam = functionsOfSam();
        for (String handler : fromCdk.keySet()) {
            assertEquals(fromCdk.get(handler), fromSam.get(handler), handler);
        }
        assertEquals(fromCdk.keySet(), fromSam.keySet());
    }

    @Test
    void permissionsAreTheFunctionsModulesActions() {
        Map<String, FunctionView> fromSam = functionsOfSam();
        for (ApiFunction spec : ApiFunction.values()) {
            Set<String> expected = new TreeSet<>(spec.iamActions());
            spec.objectAccess().forEach(access -> expected.addAll(access.actions()));
            expected.addAll(List.of("logs:CreateLogStream", "logs:PutLogEvents"));
            expected.addAll(LambdaFunctions.XRAY_ACTIONS);
            assertEquals(expected, fromSam.get(spec.handlerClassName()).actionsOnResources().keySet(), spec.functionName());
        }
    }

    /** The contract's prefixes, spelled out in template.yaml: each object action on exactly the prefixes named for it. */
    @Test
    void samsObjectActionsAreTheContractsPrefixes() {
        Map<String, FunctionView> fromSam = functionsOfSam();
        for (ApiFunction spec : ApiFunction.values()) {
            Map<String, Set<String>> expected = new TreeMap<>();
            for (ObjectAccess access : spec.objectAccess()) {
                for (String action : access.actions()) {
                    expected.computeIfAbsent(action, a -> new TreeSet<>()).add("images bucket/" + access.keyPattern());
                }
            }
            Map<String, Set<String>> objectActions = new TreeMap<>(fromSam.get(spec.handlerClassName()).actionsOnResources());
            objectActions.keySet().removeIf(a -> !a.startsWith("s3:") || a.equals("s3:ListBucket"));
            assertEquals(expected, objectActions, spec.functionName());
        }
    }

    @Test
    void samDeclaresOnlySettingsTheFunctionReads() {
        sam.functions().forEach((id, fn) -> {
            ApiFunction spec = Arrays.stream(ApiFunction.values())
                    .filter(f -> f.handlerClassName().equals(handlerClass(fn))).findFirst().orElseThrow();
            for (String name : variables(fn).keySet()) {
                assertTrue(spec.settings().contains(Setting.valueOf(name)), id + " declares " + name);
            }
            for (Setting local : List.of(Setting.DYNAMODB_ENDPOINT, Setting.PAGE_TOKEN_SECRET, Setting.S3_ENDPOINT)) {
                // sam local invoke --env-vars can only set what the template declares.
                assertEquals(spec.settings().contains(local), variables(fn).containsKey(local.name()), id + " " + local);
            }
        });
    }

    // ---------------------------------------------------------------- table and API

    @Test
    void tableAgrees() {
        Function<TemplateModel, Map<String, Object>> table = m -> {
            var tables = m.ofType("AWS::DynamoDB::Table");
            assertEquals(1, tables.size());
            return tables.values().iterator().next();
        };
        Map<String, Object> samTable = table.apply(sam.model());
        Map<String, Object> cdkTable = table.apply(cdk);
        for (String attribute : List.of("DeletionPolicy", "UpdateReplacePolicy")) {
            assertEquals(cdkTable.get(attribute), samTable.get(attribute), attribute);
        }
        for (String property : List.of("TableName", "BillingMode", "KeySchema", "LocalSecondaryIndexes",
                "PointInTimeRecoverySpecification", "DeletionProtectionEnabled")) {
            assertEquals(props(cdkTable).get(property), props(samTable).get(property), property);
        }
        assertEquals(new HashSet<>(list(props(cdkTable).get("AttributeDefinitions"))),
                new HashSet<>(list(props(samTable).get("AttributeDefinitions"))));
    }

    @SuppressWarnings("unchecked")
    @Test
    void apiAgreesOnAuthorizerThrottlingAndAccessLogs() throws Exception {
        Map<String, Object> api = props(sam.model().resource("HttpApi"));
        assertEquals(UserImagesHttpApi.STAGE_NAME, api.get("StageName"));
        Map<String, Object> authorizer = map(map(map(api.get("Auth")).get("Authorizers")).get(UserImagesHttpApi.AUTHORIZER_NAME));
        Map<String, Object> cdkAuthorizer = props(cdk.ofType("AWS::ApiGatewayV2::Authorizer").values().iterator().next());
        assertEquals(cdkAuthorizer.get("IdentitySource"), List.of(authorizer.get("IdentitySource")));
        // Issuer and audience are the deployer's choice in both: parameters here, context in CDK.
        Map<String, Object> jwt = map(map(map(map(props(samDefault.model().resource("HttpApi")).get("Auth"))
                .get("Authorizers")).get(UserImagesHttpApi.AUTHORIZER_NAME)).get("JwtConfiguration"));
        Map<String, Object> parameters = map(sam.json().get("Parameters"));
        assertEquals("String", map(parameters.get(target(jwt.get("issuer")))).get("Type"));
        assertEquals("CommaDelimitedList", map(parameters.get(target(jwt.get("audience")))).get("Type"));

        Map<String, Object> cdkJson = new ObjectMapper().readValue(Path.of("cdk.json").toFile(), Map.class);
        Map<String, Object> context = (Map<String, Object>) cdkJson.get("context");
        Map<String, Object> throttle = map(api.get("DefaultRouteSettings"));
        assertEquals(context.get(StackConfig.THROTTLE_RATE_LIMIT).toString(),
                map(parameters.get(target(throttle.get("ThrottlingRateLimit")))).get("Default").toString());
        assertEquals(context.get(StackConfig.THROTTLE_BURST_LIMIT).toString(),
                map(parameters.get(target(throttle.get("ThrottlingBurstLimit")))).get("Default").toString());
        assertEquals(context.get(StackConfig.PAGE_TOKEN_KEY_GENERATION).toString(),
                map(parameters.get("PageTokenKeyGeneration")).get("Default").toString());

        Map<String, Object> accessLogs = map(api.get("AccessLogSettings"));
        assertEquals(UserImagesHttpApi.ACCESS_LOG_FORMAT, accessLogs.get("Format"));
        Map<String, Object> logGroup = props(sam.model().resource(target(accessLogs.get("DestinationArn"))));
        assertEquals(30, ((Number) logGroup.get("RetentionInDays")).intValue());
    }

    @Test
    void samDeploysTheBuiltJarAsItIs() throws IOException {
        Map<String, Object> globals = map(map(sam.json().get("Globals")).get("Function"));
        // SAM names the functions module's lambda artifact where it is built; CDK takes that artifact
        // through Maven (a copy under infra/target): the same bytes either way.
        Path samJar = Synth.repoRoot().resolve((String) globals.get("CodeUri"));
        assertEquals(-1L, Files.mismatch(samJar, Synth.functionsJar()), samJar + " is not the jar CDK deploys");
        sam.functions().forEach((id, fn) -> assertEquals(globals.get("CodeUri"), fn.get("CodeUri"), id));
    }

    // ---------------------------------------------------------------- images bucket

    static final Set<String> BUCKET_TYPES = Set.of("AWS::S3::Bucket", "AWS::S3::BucketPolicy");

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theImagesBucketAndItsTlsPolicyAgree(Mode mode) {
        Map<String, Object> fromCdk = resources(mode.cdk(), BUCKET_TYPES, Set.of());
        assertEquals(2, fromCdk.size(), fromCdk.keySet().toString());
        assertEquals(fromCdk, resources(mode.sam().model(), BUCKET_TYPES, Set.of()));
    }

    /** The bucket's browser rule is the API's CORS option: off by default, the same origins when on. */
    @Test
    void theBucketsCorsIsTheSameOption() {
        Map<String, Object> samBucket = props(sam.model().resource(sam.model().only("AWS::S3::Bucket")));
        List<Object> ifCors = list(map(samBucket.get("CorsConfiguration")).get("Fn::If"));
        assertEquals("CorsEnabled", ifCors.get(0));
        assertEquals(Map.of("Ref", "AWS::NoValue"), ifCors.get(2));
        Map<String, Object> samRule = map(list(map(ifCors.get(1)).get("CorsRules")).getFirst());
        Map<String, Object> cdkRule = map(list(map(props(Synth.variant().model().resource(
                Synth.variant().model().only("AWS::S3::Bucket"))).get("CorsConfiguration")).get("CorsRules")).getFirst());
        assertEquals(Map.of("Fn::Split", List.of(",", Map.of("Ref", "CorsAllowOrigins"))), samRule.get("AllowedOrigins"));
        Map<String, Object> samRest = new TreeMap<>(samRule);
        Map<String, Object> cdkRest = new TreeMap<>(cdkRule);
        samRest.remove("AllowedOrigins");
        cdkRest.remove("AllowedOrigins");
        assertEquals(cdkRest, samRest);
        assertEquals(Map.of("AllowedMethods", Cors.UPLOAD_METHODS, "AllowedHeaders", Cors.UPLOAD_HEADERS,
                "MaxAge", Cors.MAX_AGE_SECONDS), samRest);
    }

    // ---------------------------------------------------------------- CORS

    /** Both templates: CORS off unless origins are given, and the same preflight settings when on. */
    @Test
    void corsIsTheSameOptionInBothTemplates() {
        Map<String, Object> samApi = props(sam.model().resource("HttpApi"));
        Map<String, Object> parameter = map(map(sam.json().get("Parameters")).get("CorsAllowOrigins"));
        assertEquals("", parameter.get("Default"), "SAM: no CORS unless origins are given, as the CDK default");
        assertFalse(props(cdk.ofType("AWS::ApiGatewayV2::Api").values().iterator().next()).containsKey("CorsConfiguration"),
                "CDK: no CORS unless corsAllowOrigins is given");

        List<Object> ifCors = list(map(samApi.get("CorsConfiguration")).get("Fn::If"));
        assertEquals("CorsEnabled", ifCors.get(0));
        Map<String, Object> samCors = map(ifCors.get(1));
        Map<String, Object> cdkCors = map(props(Synth.variant().model().ofType("AWS::ApiGatewayV2::Api").values()
                .iterator().next()).get("CorsConfiguration"));
        for (String key : List.of("AllowMethods", "AllowHeaders", "ExposeHeaders")) {
            assertEquals(new TreeSet<>(list(cdkCors.get(key)).stream().map(String::valueOf).toList()),
                    new TreeSet<>(list(samCors.get(key)).stream().map(String::valueOf).toList()), key);
        }
        assertEquals(String.valueOf(cdkCors.get("MaxAge")), String.valueOf(samCors.get("MaxAge")), "MaxAge");
        // And both are the one definition.
        Map<String, List<String>> definition = Map.of("AllowMethods", Cors.ALLOWED_METHODS,
                "AllowHeaders", Cors.ALLOWED_HEADERS, "ExposeHeaders", Cors.EXPOSED_HEADERS);
        definition.forEach((key, expected) -> {
            assertEquals(new TreeSet<>(expected), new TreeSet<>(list(samCors.get(key)).stream().map(String::valueOf).toList()), key);
            assertEquals(new TreeSet<>(expected), new TreeSet<>(list(cdkCors.get(key)).stream().map(String::valueOf).toList()), key);
        });
        assertEquals(String.valueOf(Cors.MAX_AGE_SECONDS), String.valueOf(samCors.get("MaxAge")), "MaxAge");
        assertEquals(Map.of("Fn::Split", List.of(",", Map.of("Ref", "CorsAllowOrigins"))), samCors.get("AllowOrigins"));
    }

    // ---------------------------------------------------------------- sign-in, alarms, dashboard

    /**
     * What a logical id stands for, the same in both templates: functions by handler, clients by
     * their OAuth flow, alarms by description, anything else by its CloudFormation type.
     */
    static String kind(TemplateModel model, String id) {
        Map<String, Object> r = model.resource(id);
        String type = (String) r.get("Type");
        Map<String, Object> p = r.containsKey("Properties") ? props(r) : Map.of();
        return switch (type) {
            case "AWS::Lambda::Function", "AWS::Serverless::Function" -> "function " + handlerClass(p);
            case "AWS::Serverless::HttpApi" -> "AWS::ApiGatewayV2::Api";
            case "AWS::Cognito::UserPoolClient" -> "client " + p.get("AllowedOAuthFlows");
            case "AWS::CloudWatch::Alarm" -> "alarm " + p.get("AlarmDescription");
            default -> type;
        };
    }

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([\\w:]+)(\\.\\w+)?}");

    /** A template value with every reference named by {@link #kind} and every join or sub made one string. */
    static Object neutral(TemplateModel model, Object value) {
        if (value instanceof Map<?, ?> m && m.size() == 1) {
            if (m.get("Ref") instanceof String ref) {
                return "${" + (ref.startsWith("AWS::") ? ref : kind(model, ref)) + "}";
            }
            if (m.get("Fn::GetAtt") instanceof List<?> att) {
                return "${" + kind(model, (String) att.get(0)) + "." + att.get(1) + "}";
            }
            if (m.get("Fn::Sub") instanceof String sub) {
                Matcher v = SUB_VARIABLE.matcher(sub);
                StringBuilder out = new StringBuilder();
                while (v.find()) {
                    String name = v.group(1);
                    String replacement = name.startsWith("AWS::") ? name
                            : kind(model, name) + (v.group(2) == null ? "" : v.group(2));
                    v.appendReplacement(out, Matcher.quoteReplacement("${" + replacement + "}"));
                }
                return v.appendTail(out).toString();
            }
            if (m.get("Fn::Join") instanceof List<?> join && "".equals(join.get(0))) {
                List<Object> parts = list(join.get(1)).stream().map(x -> neutral(model, x)).toList();
                if (parts.stream().allMatch(String.class::isInstance)) {
                    return parts.stream().map(String.class::cast).collect(Collectors.joining());
                }
            }
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            map(m).forEach((k, v) -> out.put(k, neutral(model, v)));
            return out;
        }
        if (value instanceof List<?> l) return l.stream().map(x -> neutral(model, x)).toList();
        return value;
    }

    /** Every resource of these types: its kind → properties and deletion policies, neutrally named. */
    private static Map<String, Object> resources(TemplateModel model, Set<String> types, Set<String> ignoredProperties) {
        Map<String, Object> views = new TreeMap<>();
        model.resources().forEach((id, r) -> {
            Map<String, Object> resource = map(r);
            if (!types.contains(resource.get("Type"))) return;
            Map<String, Object> p = new TreeMap<>(props(resource));
            ignoredProperties.forEach(p::remove);
            Map<String, Object> view = new TreeMap<>();
            view.put("Properties", neutral(model, p));
            for (String policy : List.of("DeletionPolicy", "UpdateReplacePolicy")) {
                view.put(policy, resource.getOrDefault(policy, "Delete"));
            }
            assertEquals(null, views.put(kind(model, id), view), "two of " + kind(model, id));
        });
        return views;
    }

    static final Set<String> SIGN_IN_TYPES = Set.of("AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient",
            "AWS::Cognito::UserPoolResourceServer", "AWS::Cognito::UserPoolDomain");
    static final Set<String> MONITORING_TYPES = Set.of("AWS::CloudWatch::Alarm", "AWS::SNS::Topic",
            "AWS::SNS::TopicPolicy", "AWS::SNS::Subscription", "AWS::KMS::Key");

    @ParameterizedTest
    @EnumSource(Mode.class)
    void signInIsTheSameUserPoolClientsAndDomain(Mode mode) {
        // Callback URLs are the deployer's (context / parameter), compared below.
        Map<String, Object> fromCdk = resources(mode.cdk(), SIGN_IN_TYPES, Set.of("CallbackURLs"));
        assertEquals(mode.userPool ? 5 : 0, fromCdk.size(), fromCdk.keySet().toString());
        assertEquals(fromCdk, resources(mode.sam().model(), SIGN_IN_TYPES, Set.of("CallbackURLs")));
    }

    @Test
    void callbackUrlsAreTheDeployersChoiceWithTheSameDefault() throws Exception {
        Map<String, Object> people = props(samUserPool.model().resource("PeopleClient"));
        Map<String, Object> parameter = map(map(sam.json().get("Parameters")).get(target(people.get("CallbackURLs"))));
        assertEquals("CommaDelimitedList", parameter.get("Type"));
        assertEquals(cdkContext().get(StackConfig.CALLBACK_URLS), parameter.get("Default"));
        assertEquals(String.valueOf(cdkContext().get(StackConfig.CREATE_USER_POOL)),
                map(map(sam.json().get("Parameters")).get("CreateUserPool")).get("Default"));
        assertEquals(Map.of("Fn::Equals", List.of(Map.of("Ref", "CreateUserPool"), "true")),
                map(sam.json().get("Conditions")).get("UserPoolEnabled"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void authorizerTrustsTheSameIssuerAndAudiences(Mode mode) {
        Map<String, Object> cdkJwt = map(props(mode.cdk().ofType("AWS::ApiGatewayV2::Authorizer").values().iterator().next())
                .get("JwtConfiguration"));
        Map<String, Object> samJwt = map(map(map(map(props(mode.sam().model().resource("HttpApi")).get("Auth"))
                .get("Authorizers")).get(UserImagesHttpApi.AUTHORIZER_NAME)).get("JwtConfiguration"));
        if (mode.userPool) {
            assertEquals(neutral(mode.cdk(), cdkJwt.get("Issuer")), neutral(mode.sam().model(), samJwt.get("issuer")));
            assertEquals("https://cognito-idp.${AWS::Region}.amazonaws.com/${AWS::Cognito::UserPool}",
                    neutral(mode.cdk(), cdkJwt.get("Issuer")));
            assertEquals(neutral(mode.cdk(), cdkJwt.get("Audience")), neutral(mode.sam().model(), samJwt.get("audience")));
        } else {
            // The deployer's: context in CDK, parameters here.
            assertEquals(Map.of("Ref", "JwtIssuer"), samJwt.get("issuer"));
            assertEquals(Map.of("Ref", "JwtAudience"), samJwt.get("audience"));
        }
    }

    @Test
    void reservedConcurrencyIsTheSameOptionWithTheSameDefault() throws Exception {
        assertEquals(String.valueOf(cdkContext().get(StackConfig.RESERVED_CONCURRENCY)),
                String.valueOf(map(map(sam.json().get("Parameters")).get("ReservedConcurrency")).get("Default")));
        assertEquals(cdkContext().get(StackConfig.RESERVED_CONCURRENCY), Synth.RESERVED_CONCURRENCY);
    }

    @Test
    void theAccessLogOutlivesTheStackInBoth() {
        for (TemplateModel model : List.of(sam.model(), cdk)) {
            var groups = model.ofType("AWS::Logs::LogGroup");
            assertEquals(ApiFunction.values().length + 1, groups.size());
            groups.forEach((id, g) -> {
                assertEquals("Retain", g.get("DeletionPolicy"), id);
                assertEquals("Retain", g.get("UpdateReplacePolicy"), id);
            });
        }
    }

    /** Said explicitly in template.yaml (cfn-lint's I3011 asks it of stateful resources), as CDK writes it. */
    @Test
    void thePageTokenSecretGoesWithTheStackInBoth() {
        for (TemplateModel model : List.of(sam.model(), cdk)) {
            Map<String, Object> secret = model.ofType("AWS::SecretsManager::Secret").values().iterator().next();
            assertEquals("Delete", secret.get("DeletionPolicy"));
            assertEquals("Delete", secret.get("UpdateReplacePolicy"));
        }
    }

    /** SAM has no expression for "starts with http://localhost": it refuses the default callback outside dev. */
    @Test
    void theDevelopmentCallbackIsRefusedOutsideDevInBoth() throws Exception {
        Map<String, Object> parameters = map(sam.json().get("Parameters"));
        assertEquals(StackConfig.DEV_STAGE, map(parameters.get("Stage")).get("Default"));
        // cdk.json names no stage (that would make a UserImagesStage); without one the stack is a dev one.
        assertEquals(StackConfig.DEV_STAGE, StackConfig.fromContext(
                software.amazon.awscdk.App.Builder.create().context(cdkContext()).build().getNode()).stage());
        Map<String, Object> rule = map(map(sam.json().get("Rules")).get("DevelopmentCallbackOutsideDev"));
        assertEquals(Map.of("Fn::And", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "CreateUserPool"), "true")),
                Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(Map.of("Ref", "Stage"), "dev")))))), rule.get("RuleCondition"));
        Map<String, Object> assertion = map(list(rule.get("Assertions")).getFirst());
        assertEquals(Map.of("Fn::Not", List.of(Map.of("Fn::Contains", List.of(Map.of("Ref", "CallbackUrls"),
                cdkContext().get(StackConfig.CALLBACK_URLS))))), assertion.get("Assert"));
    }

    /** template.yaml declares the default names for the functions, the ones its routes demand. */
    @Test
    void samsFunctionsCheckTheScopesItsRoutesDemand() {
        sam.functions().forEach((id, fn) -> {
            Map<String, Object> vars = variables(fn);
            if (handlerClass(fn).equals(ApiFunction.CREATE_TABLE.handlerClassName())) {
                assertEquals(RouteScopes.DEFAULTS.adminSetting(), vars.get("ADMIN_SCOPE"), id);
            } else {
                assertEquals(RouteScopes.DEFAULTS.dataSetting(), vars.get("DATA_SCOPES"), id);
            }
        });
    }

    @Test
    void withoutTheUserPoolAnIssuerIsRequired() {
        Map<String, Object> rule = map(map(sam.json().get("Rules")).get("IssuerWithoutUserPool"));
        assertEquals(Map.of("Fn::Equals", List.of(Map.of("Ref", "CreateUserPool"), "false")), rule.get("RuleCondition"));
        String assertions = rule.get("Assertions").toString();
        assertTrue(assertions.contains("JwtIssuer") && assertions.contains("JwtAudience"), assertions);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void alarmsTopicAndKeyAgree(Mode mode) {
        // The subscription's address is the deployer's (context / parameter), compared below.
        Map<String, Object> fromCdk = resources(mode.cdk(), MONITORING_TYPES, Set.of("Endpoint"));
        Map<String, Object> fromSam = resources(mode.sam().model(), MONITORING_TYPES, Set.of("Endpoint"));
        for (String kind : fromCdk.keySet()) assertEquals(fromCdk.get(kind), fromSam.get(kind), kind);
        assertEquals(fromCdk.keySet(), fromSam.keySet());
        assertEquals(mode.userPool, fromCdk.containsKey("AWS::SNS::Subscription"), "e-mail only when given");
    }

    @Test
    void alarmEmailIsTheSameOption() throws Exception {
        Map<String, Object> subscription = props(samUserPool.model().resource("AlarmEmailSubscription"));
        assertEquals(Map.of("Ref", "AlarmEmail"), subscription.get("Endpoint"));
        assertEquals(cdkContext().get(StackConfig.ALARM_EMAIL),
                map(map(sam.json().get("Parameters")).get("AlarmEmail")).get("Default"));
    }

    private static Object dashboard(TemplateModel model) throws Exception {
        var dashboards = model.ofType("AWS::CloudWatch::Dashboard").values();
        assertEquals(1, dashboards.size());
        String body = (String) neutral(model, props(dashboards.iterator().next()).get("DashboardBody"));
        return new ObjectMapper().readValue(body, Object.class);
    }

    @Test
    void dashboardIsTheSameWidgetForWidget() throws Exception {
        assertEquals(dashboard(cdk), dashboard(samDefault.model()));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void outputsAgree(Mode mode) {
        assertEquals(new TreeSet<>(map(mode.cdk().json().get("Outputs")).keySet()),
                new TreeSet<>(map(mode.sam().json().get("Outputs")).keySet()));
        List<String> compared = new java.util.ArrayList<>(List.of("Issuer", "TokenUrl", "SignInUrl", "DashboardUrl",
                "AccessLogGroup", "UserPoolId", "PeopleClientId", "MachineClientId", "AlarmTopicArn", "ImagesBucketName"));
        for (ApiFunction spec : ApiFunction.values()) compared.add(LogicalIds.pascal(spec.functionName()) + "LogGroup");
        for (String output : compared) {
            Object fromCdk = map(mode.cdk().json().get("Outputs")).get(output);
            if (fromCdk == null) continue;
            assertEquals(neutral(mode.cdk(), map(fromCdk).get("Value")),
                    neutral(mode.sam().model(), map(map(mode.sam().json().get("Outputs")).get(output)).get("Value")), output);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cdkContext() throws Exception {
        return (Map<String, Object>) new ObjectMapper().readValue(Path.of("cdk.json").toFile(), Map.class).get("context");
    }
}
