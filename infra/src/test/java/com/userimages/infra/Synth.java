package com.userimages.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;

/**
 * Synthesizes the app the way {@code cdk synth} does ({@link UserImagesApp#build}, cdk-nag included),
 * once per JVM for the shared configuration: a synth starts jsii's Node process and takes seconds.
 */
final class Synth {
    static final String ISSUER = "https://auth.test.example/realms/images";
    static final List<String> AUDIENCE = List.of("user-images-web", "user-images-cli");
    static final int RATE_LIMIT = 25;
    static final int BURST_LIMIT = 60;
    /** As cdk.json's and template.yaml's default, so the parity test compares like with like. */
    static final int RESERVED_CONCURRENCY = 100;

    record Result(UserImagesStack stack, Template template, Path templateFile) {
        Annotations annotations() { return Annotations.fromStack(stack); }

        TemplateModel model() { return new TemplateModel(template.toJSON()); }
    }

    private static Result shared;

    /** The configuration most tests assert on; its template is also the one .ci/run lints. */
    static synchronized Result shared() {
        if (shared == null) {
            shared = synth(Map.of(), Path.of(System.getProperty("cdk.outdir", "target/cdk")));
        }
        return shared;
    }

    static final String CORS_ORIGINS = "https://app.example.com, https://admin.example.com";
    private static Result variant;

    /** A second configuration: CORS on and the page-token key rotated once. */
    static synchronized Result variant() {
        if (variant == null) {
            Path outdir = Path.of(System.getProperty("cdk.outdir", "target/cdk")).resolveSibling("cdk-variant");
            variant = synth(Map.of(StackConfig.CORS_ALLOW_ORIGINS, CORS_ORIGINS,
                    StackConfig.PAGE_TOKEN_KEY_GENERATION, 2), outdir);
        }
        return variant;
    }

    static final List<String> CALLBACK_URLS = List.of("https://app.example.com/callback", "http://localhost:8080/callback");
    static final String ALARM_EMAIL = "oncall@example.com";
    private static Result userPool;

    /** The Cognito mode ({@code -c createUserPool=true}, from the command line as text) with an alarm e-mail. */
    static synchronized Result userPool() {
        if (userPool == null) {
            Path outdir = Path.of(System.getProperty("cdk.outdir", "target/cdk")).resolveSibling("cdk-user-pool");
            userPool = synth(Map.of(StackConfig.CREATE_USER_POOL, "true",
                    StackConfig.CALLBACK_URLS, String.join(",", CALLBACK_URLS),
                    StackConfig.ALARM_EMAIL, ALARM_EMAIL), outdir);
        }
        return userPool;
    }

    static Map<String, Object> context(Map<String, Object> overrides) {
        Map<String, Object> context = new HashMap<>();
        context.put(StackConfig.JWT_ISSUER, ISSUER);
        context.put(StackConfig.JWT_AUDIENCE, String.join(",", AUDIENCE));
        context.put(StackConfig.CORS_ALLOW_ORIGINS, "");
        context.put(StackConfig.THROTTLE_RATE_LIMIT, RATE_LIMIT);
        context.put(StackConfig.THROTTLE_BURST_LIMIT, BURST_LIMIT);
        context.put(StackConfig.PAGE_TOKEN_KEY_GENERATION, 1);
        context.put(StackConfig.FUNCTIONS_JAR, functionsJar().toString());
        context.put(StackConfig.CREATE_USER_POOL, false);
        context.put(StackConfig.CALLBACK_URLS, "");
        context.put(StackConfig.ALARM_EMAIL, "");
        context.put(StackConfig.ADMIN_SCOPE, "images/admin");
        context.put(StackConfig.DATA_SCOPES, "images/user,images/admin");
        context.put(StackConfig.RESERVED_CONCURRENCY, RESERVED_CONCURRENCY);
        context.putAll(overrides);
        return context;
    }

    static Result synth(Map<String, Object> overrides, Path outdir) {
        App app = App.Builder.create().outdir(outdir.toString()).context(context(overrides)).build();
        UserImagesStack stack = UserImagesApp.build(app);
        app.synth();
        Path templateFile = outdir.resolve(UserImagesStack.STACK_NAME + ".template.json");
        if (!Files.isRegularFile(templateFile)) throw new IllegalStateException("synth wrote no " + templateFile);
        return new Result(stack, Template.fromStack(stack), templateFile);
    }

    /** A JSON value CloudFormation holds as a string (a pipeline action's environment variables). */
    static Object json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, Object.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    static Path functionsJar() {
        return Path.of(System.getProperty("functions.jar", "target/lambda/user-images-functions-lambda.jar"));
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("repo.root", ".."));
    }

    private Synth() {}
}
