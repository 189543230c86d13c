package com.userimages.infra;

import static com.userimages.infra.TemplateModel.list;
import static com.userimages.infra.TemplateModel.map;
import static com.userimages.infra.TemplateModel.props;
import static com.userimages.infra.TemplateModel.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.userimages.contract.ApiFunction;
import com.userimages.contract.ObjectAccess;
import com.userimages.contract.UserImagesTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class IamTest {
    private final TemplateModel model = Synth.shared().model();

    private static List<Object> asList(Object o) {
        return o instanceof List<?> ? list(o) : List.of(o);
    }

    /** Action → the resources it is allowed on, over all of a role's inline statements. */
    private Map<String, List<Object>> grants(ApiFunction spec) {
        Map<String, Object> fn = props(FunctionsTest.function(model, spec).getValue());
        Map<String, Object> role = props(model.resource(target(fn.get("Role"))));
        assertFalse(role.containsKey("ManagedPolicyArns"), spec + " role has managed policies");
        Map<String, List<Object>> grants = new LinkedHashMap<>();
        for (Object policy : list(role.get("Policies"))) {
            for (Object s : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
                Map<String, Object> statement = map(s);
                assertEquals("Allow", statement.get("Effect"));
                for (Object action : asList(statement.get("Action"))) {
                    grants.computeIfAbsent((String) action, a -> new ArrayList<>()).addAll(asList(statement.get("Resource")));
                }
            }
        }
        return grants;
    }

    @ParameterizedTest
    @EnumSource(ApiFunction.class)
    void eachRoleAllowsExactlyTheCallsItsFunctionMakes(ApiFunction spec) {
        Set<String> expected = new TreeSet<>(spec.iamActions());
        spec.objectAccess().forEach(access -> expected.addAll(access.actions()));
        expected.addAll(List.of("logs:CreateLogStream", "logs:PutLogEvents"));
        expected.addAll(LambdaFunctions.XRAY_ACTIONS);
        assertEquals(expected, new TreeSet<>(grants(spec).keySet()));
    }

    @ParameterizedTest
    @EnumSource(ApiFunction.class)
    void eachActionIsAllowedOnItsOneResourceOnly(ApiFunction spec) {
        String table = model.only("AWS::DynamoDB::Table");
        String secret = model.only("AWS::SecretsManager::Secret");
        Map<String, Object> fn = props(FunctionsTest.function(model, spec).getValue());
        String ownLogGroup = target(map(fn.get("LoggingConfig")).get("LogGroup"));

        String bucket = model.only("AWS::S3::Bucket");
        grants(spec).forEach((action, resources) -> {
            if (action.startsWith("s3:") && !action.equals("s3:ListBucket")) {
                // On the keys of each prefix the contract names for this action, and no others.
                Set<Object> expected = new java.util.HashSet<>();
                for (ObjectAccess access : spec.objectAccess()) {
                    if (access.actions().contains(action)) expected.add(Map.of("Fn::Join", List.of("",
                            List.of(Map.of("Fn::GetAtt", List.of(bucket, "Arn")), "/" + access.keyPattern()))));
                }
                assertEquals(expected, new java.util.HashSet<>(resources), action);
                assertEquals(expected.size(), resources.size(), action + " twice");
                return;
            }
            assertEquals(1, resources.size(), action + " resources " + resources);
            Object resource = resources.get(0);
            if (action.startsWith("logs:")) {
                assertEquals(Map.of("Fn::GetAtt", List.of(ownLogGroup, "Arn")), resource, action);
            } else if (action.equals("dynamodb:Query")) {
                assertEquals(Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(table, "Arn")),
                        "/index/" + UserImagesTable.TIMESTAMP_INDEX))), resource, action);
            } else if (action.startsWith("dynamodb:")) {
                assertEquals(Map.of("Fn::GetAtt", List.of(table, "Arn")), resource, action);
            } else if (action.equals("s3:ListBucket")) {
                assertEquals(Map.of("Fn::GetAtt", List.of(bucket, "Arn")), resource, action);
            } else if (action.startsWith("secretsmanager:")) {
                assertEquals(Map.of("Ref", secret), resource, action);
            } else if (LambdaFunctions.XRAY_ACTIONS.contains(action)) {
                // X-Ray's Put calls take no resource: '*' is the only form (IAM5 suppression explains).
                assertEquals("*", resource, action);
            } else {
                throw new AssertionError("unexpected action " + action);
            }
        });
    }

    @Test
    void noWildcardActionOrResourceAnywhereButXRaysStatement() {
        List<String> found = new ArrayList<>();
        for (String type : List.of("AWS::IAM::Role", "AWS::IAM::Policy")) {
            model.ofType(type).forEach((id, r) -> scanForWildcards(id, props(r), found));
        }
        // Exactly one '*' per role: the X-Ray statement's resource, and no wildcard action anywhere.
        var roles = model.ofType("AWS::IAM::Role").keySet();
        assertEquals(roles.stream().map(id -> id + " Resource *").sorted().toList(), found.stream().sorted().toList());
        assertEquals(Set.of(), model.ofType("AWS::IAM::Policy").keySet(), "every permission is in a role's inline policy");
    }

    private static void scanForWildcards(String where, Object node, List<String> found) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ((k.equals("Action") || k.equals("Resource")) && asList(v).stream().anyMatch(
                        x -> x instanceof String s && s.contains("*"))) {
                    found.add(where + " " + k + " " + v);
                    if (k.equals("Resource")) {
                        assertEquals(new TreeSet<>(LambdaFunctions.XRAY_ACTIONS), new TreeSet<>(asList(m.get("Action"))),
                                where + ": only X-Ray's statement may name '*'");
                    }
                }
                scanForWildcards(where, v, found);
            });
        } else if (node instanceof List<?> l) {
            l.forEach(x -> scanForWildcards(where, x, found));
        }
    }

    /** API.md, "Uploads": each role reaches only the prefixes and actions its function uses, one statement a prefix. */
    @ParameterizedTest
    @EnumSource(ApiFunction.class)
    void eachRolesS3StatementsAreItsPrefixesOneStatementEach(ApiFunction spec) {
        String bucket = model.only("AWS::S3::Bucket");
        Map<String, Object> fn = props(FunctionsTest.function(model, spec).getValue());
        Map<Object, Set<Object>> statements = new LinkedHashMap<>();
        for (Object policy : list(props(model.resource(target(fn.get("Role")))).get("Policies"))) {
            for (Object s : list(map(map(policy).get("PolicyDocument")).get("Statement"))) {
                Map<String, Object> statement = map(s);
                if (asList(statement.get("Action")).stream().noneMatch(a -> a.toString().startsWith("s3:"))) continue;
                assertEquals(null, statement.get("Condition"));
                assertEquals(null, statements.put(statement.get("Resource"), new TreeSet<>(asList(statement.get("Action")))));
            }
        }
        Map<Object, Set<Object>> expected = new LinkedHashMap<>();
        for (ObjectAccess access : spec.objectAccess()) {
            expected.put(Map.of("Fn::Join", List.of("", List.of(Map.of("Fn::GetAtt", List.of(bucket, "Arn")),
                    "/" + access.keyPattern()))), new TreeSet<>(access.actions()));
        }
        if (spec.iamActions().contains("s3:ListBucket")) {
            expected.put(Map.of("Fn::GetAtt", List.of(bucket, "Arn")), new TreeSet<>(List.of("s3:ListBucket")));
        }
        assertEquals(expected, statements, spec.functionName());
    }

    @Test
    void onlyLambdaMayAssumeTheFunctionRoles() {
        model.ofType("AWS::IAM::Role").forEach((id, r) -> {
            var statements = list(map(props(r).get("AssumeRolePolicyDocument")).get("Statement"));
            assertEquals(1, statements.size(), id);
            assertEquals(Map.of("Service", "lambda.amazonaws.com"), map(statements.get(0)).get("Principal"), id);
        });
    }

    @Test
    void unmappedOrWildcardActionsFailTheSynth() {
        var resources = new FunctionPermissions.Resources("arn:table", "arn:secret", "arn:bucket");
        assertThrows(IllegalArgumentException.class, () -> FunctionPermissions.resourceFor("dynamodb:*", resources));
        // Object actions are granted per prefix (ApiFunction.objectAccess), never on the whole bucket.
        assertThrows(IllegalArgumentException.class, () -> FunctionPermissions.resourceFor("s3:GetObject", resources));
        assertEquals("arn:bucket", FunctionPermissions.resourceFor("s3:ListBucket", resources));
        assertEquals("arn:bucket/images/*", FunctionPermissions.objectsResource(
                ObjectAccess.on(ObjectAccess.IMAGES_PREFIX, "s3:GetObject"), resources));
        assertEquals("arn:table/index/" + UserImagesTable.TIMESTAMP_INDEX,
                FunctionPermissions.resourceFor("dynamodb:Query", resources));
        assertEquals("arn:table", FunctionPermissions.resourceFor("dynamodb:GetItem", resources));
        assertEquals("arn:secret", FunctionPermissions.resourceFor("secretsmanager:GetSecretValue", resources));
    }
}
