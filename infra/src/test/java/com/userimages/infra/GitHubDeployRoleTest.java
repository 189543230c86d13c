package com.userimages.infra;

import static com.userimages.infra.TemplateModel.list;
import static com.userimages.infra.TemplateModel.map;
import static com.userimages.infra.TemplateModel.props;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class GitHubDeployRoleTest {
    static final String REPOSITORY = "example-org/user-images";

    record Built(GitHubDeployRoleStack stack, TemplateModel model) {}

    private static Built shared;

    static synchronized Built shared() {
        if (shared == null) shared = build(Map.of(), "target/cdk-github");
        return shared;
    }

    static Built build(Map<String, Object> overrides, String outdir) {
        Map<String, Object> context = new HashMap<>(Synth.context(Map.of()));
        context.put(GitHubDeployRoleStack.GITHUB_REPOSITORY, REPOSITORY);
        context.put(StackConfig.STAGES, Map.of("prod", Map.of(StackConfig.ACCOUNT, "222222222222", StackConfig.REGION, "eu-west-1")));
        context.putAll(overrides);
        App app = App.Builder.create().outdir(outdir).context(context).build();
        GitHubDeployRoleStack stack = UserImagesApp.gitHubDeployRoles(app);
        app.synth();
        return new Built(stack, new TemplateModel(Template.fromStack(stack).toJSON()));
    }

    /** Role logical id prefix → its trust policy's one statement. */
    private static Map<String, Map<String, Object>> trust(TemplateModel model) {
        Map<String, Map<String, Object>> trust = new TreeMap<>();
        model.ofType("AWS::IAM::Role").forEach((id, role) -> {
            List<Object> statements = list(map(props(role).get("AssumeRolePolicyDocument")).get("Statement"));
            assertEquals(1, statements.size(), id);
            trust.put(id.replaceAll("[0-9A-F]{8}$", ""), map(statements.getFirst()));
        });
        return trust;
    }

    @Test
    void eachRoleTrustsExactlyOneRepositoryAndEnvironmentForStsAudience() {
        Map<String, Map<String, Object>> trust = trust(shared().model());
        trust.forEach((role, statement) -> System.out.println("trust " + role + ": " + statement));
        assertEquals(List.of("GitHubDevRole", "GitHubProdPreviewRole", "GitHubProdRole"), new ArrayList<>(trust.keySet()));
        for (var entry : Map.of("GitHubDevRole", "dev", "GitHubProdPreviewRole", "prod-preview", "GitHubProdRole", "prod").entrySet()) {
            Map<String, Object> statement = trust.get(entry.getKey());
            assertEquals("sts:AssumeRoleWithWebIdentity", statement.get("Action"));
            assertEquals("Allow", statement.get("Effect"));
            // Exactly these two conditions, both StringEquals: no StringLike, so no wildcard can widen them.
            assertEquals(Map.of("StringEquals", Map.of(
                    "token.actions.githubusercontent.com:aud", "sts.amazonaws.com",
                    "token.actions.githubusercontent.com:sub", "repo:example-org/user-images:environment:" + entry.getValue())),
                    statement.get("Condition"));
            assertEquals("GitHubGitHubOidc", TemplateModel.target(map(statement.get("Principal")).get("Federated"))
                    .replaceAll("[0-9A-F]{8}$", ""));
        }
        assertFalse(shared().model().json().toString().contains("repo:example-org/*"));
    }

    @Test
    void theRolesMayOnlyAssumeTheBootstrapRolesOfTheirTarget() {
        Map<String, List<Object>> allowed = new TreeMap<>();
        shared().model().ofType("AWS::IAM::Role").forEach((id, role) -> {
            List<Object> policies = list(props(role).get("Policies"));
            assertEquals(1, policies.size(), id);
            List<Object> statements = list(map(map(policies.getFirst()).get("PolicyDocument")).get("Statement"));
            assertEquals(1, statements.size(), id);
            Map<String, Object> statement = map(statements.getFirst());
            assertEquals("sts:AssumeRole", statement.get("Action"), id);
            Object resources = statement.get("Resource");
            allowed.put(id.replaceAll("[0-9A-F]{8}$", ""), resources instanceof List<?> l ? new ArrayList<>(l) : List.of(resources));
            assertFalse(props(role).containsKey("ManagedPolicyArns"), id);
        });
        String previewJson = allowed.get("GitHubProdPreviewRole").toString();
        assertEquals(1, allowed.get("GitHubProdPreviewRole").size(), previewJson);
        assertTrue(previewJson.contains(":iam::222222222222:role/cdk-hnb659fds-lookup-role-222222222222-eu-west-1"), previewJson);
        String prodJson = allowed.get("GitHubProdRole").toString();
        assertEquals(4, allowed.get("GitHubProdRole").size(), prodJson);
        for (String kind : List.of("deploy", "file-publishing", "image-publishing", "lookup")) {
            assertTrue(prodJson.contains(":iam::222222222222:role/cdk-hnb659fds-" + kind + "-role-222222222222-eu-west-1"), prodJson);
        }
        assertFalse(allowed.toString().contains("*"), "no wildcard in any resource: " + allowed);
    }

    @Test
    void theProviderIsCreatedOnceOrImported() {
        Map<String, Map<String, Object>> providers = shared().model().ofType("AWS::IAM::OIDCProvider");
        assertEquals(1, providers.size());
        Map<String, Object> p = props(providers.values().iterator().next());
        assertEquals("https://token.actions.githubusercontent.com", p.get("Url"));
        assertEquals(List.of("sts.amazonaws.com"), p.get("ClientIdList"));
        assertEquals("Retain", providers.values().iterator().next().get("DeletionPolicy"));
        String existing = "arn:aws:iam::111111111111:oidc-provider/token.actions.githubusercontent.com";
        Built imported = build(Map.of(GitHubDeployRoleStack.GITHUB_OIDC_PROVIDER_ARN, existing), "target/cdk-github-imported");
        assertEquals(0, imported.model().ofType("AWS::IAM::OIDCProvider").size());
        assertTrue(trust(imported.model()).values().stream()
                .allMatch(s -> existing.equals(map(s.get("Principal")).get("Federated"))));
    }

    @Test
    void aRepositoryWithAWildcardOrWithoutOwnerIsRefused() {
        for (String bad : List.of("example-org/*", "*", "user-images", "example-org/user-images:ref:refs/heads/main")) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> build(Map.of(GitHubDeployRoleStack.GITHUB_REPOSITORY, bad), "target/cdk-github-bad"));
            assertTrue(e.getMessage().startsWith("githubRepository must be owner/name exactly (no wildcard)"), e.getMessage());
        }
    }

    @Test
    void theStackIsNagCleanWithoutWarnings() {
        Annotations annotations = Annotations.fromStack(shared().stack());
        List<String> findings = new ArrayList<>();
        annotations.findError("*", Match.anyValue()).forEach(e -> findings.add(e.getId() + ": " + e.getEntry().getData()));
        annotations.findWarning("*", Match.anyValue()).forEach(e -> findings.add(e.getId() + ": " + e.getEntry().getData()));
        assertEquals(List.of(), findings);
    }
}
