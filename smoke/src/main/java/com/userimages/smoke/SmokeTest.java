package com.userimages.smoke;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code java -jar smoke/target/user-images-smoke.jar --base-url URL --token-source local|cognito}.
 * Exit codes: 0 every check held, 1 one did not (the stage is cleaned up all the same), 2 a command
 * line it cannot act on. With {@code cognito}: {@code --token-url} (the user pool's
 * {@code /oauth2/token}), {@code --client-id}, the secret in {@code SMOKE_CLIENT_SECRET}, and
 * optionally {@code --scope} (default {@code images/user}).
 */
public final class SmokeTest {
    static final String USAGE = """
            usage: java -jar user-images-smoke.jar --base-url URL --token-source local|cognito
                   [--token-url URL --client-id ID [--scope SCOPE]]   (cognito; secret in SMOKE_CLIENT_SECRET)
            """;

    private SmokeTest() {}

    public static void main(String[] args) {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
        URI base;
        TokenSource tokens;
        try {
            Map<String, String> options = options(args);
            base = httpUri(required(options, "--base-url"), "--base-url");
            tokens = switch (required(options, "--token-source")) {
                case "local" -> new TokenSource.LocalIssuer(base, "smoke-" + UUID.randomUUID());
                case "cognito" -> new TokenSource.ClientCredentials(httpUri(required(options, "--token-url"), "--token-url"),
                        required(options, "--client-id"), secret(env), options.getOrDefault("--scope", TokenSource.scope));
                default -> throw new IllegalArgumentException("--token-source is local or cognito");
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        out.println("smoke test of " + base + " (" + tokens.describe() + ")");
        try (ApiClient api = new ApiClient(base)) {
            int passed = new SmokeRun(api, tokens.token(), out).run(List.of());
            out.println("smoke test: all " + passed + " checks held");
            return 0;
        } catch (SmokeFailure failure) {
            err.println("smoke test failed: " + failure.getMessage());
            return 1;
        }
    }

    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new java.util.LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!List.of("--base-url", "--token-source", "--token-url", "--client-id", "--scope").contains(name)) {
                throw new IllegalArgumentException("unknown option " + ApiClient.abbreviated(name));
            }
            if (i + 1 >= args.size()) throw new IllegalArgumentException(name + " needs a value");
            if (options.put(name, args.get(i + 1)) != null) throw new IllegalArgumentException(name + " given twice");
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) throw new IllegalArgumentException(name + " is required");
        return value;
    }

    private static URI httpUri(String text, String name) {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException(name + " must be an http(s) URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException(name + " is not a URL");
        }
    }

    private static String secret(Map<String, String> env) {
        String secret = env.get("SMOKE_CLIENT_SECRET");
        if (secret == null || secret.isBlank()) throw new IllegalArgumentException("SMOKE_CLIENT_SECRET is not set");
        return secret;
    }
}
