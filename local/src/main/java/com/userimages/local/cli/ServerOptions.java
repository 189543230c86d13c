package com.userimages.local.cli;

import com.userimages.contract.RouteScopes;
import com.userimages.contract.Setting;
import com.userimages.local.gateway.AllowedHosts;
import com.userimages.local.gateway.ConsoleText;
import com.userimages.local.gateway.CorsPolicy;
import com.userimages.local.gateway.LogFormat;
import com.userimages.local.engine.DynamoDbOptions;
import com.userimages.local.engine.S3Options;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's options (API.md, "Running locally"). Flags win over environment variables; a JWKS
 * (file or URL) switches from the development issuer to a real identity provider, which then needs
 * the issuer and audience API Gateway's authorizer would be configured with.
 *
 * @param port      port on 127.0.0.1; 0 picks a free one (tests)
 * @param dynamoDb  the DynamoDB the functions use, and where the started engines keep their data
 * @param s3        the S3 the functions keep uploads in
 * @param jwksFile  a JWKS file, or null
 * @param jwksUrl   a JWKS URL, or null
 * @param issuer    the expected {@code iss} (required with a JWKS)
 * @param audiences accepted {@code aud}/{@code client_id} values (required with a JWKS)
 * @param cors      the browser origins CORS is on for, or null for no CORS (the deployed default)
 * @param allowedHosts the Host names served: the loopback ones and those of --allowed-hosts
 * @param logFormat what the console shows per request
 * @param seedDemo  fill the table with the demo collections at start (--seed demo)
 * @param scopeSettings {@code ADMIN_SCOPE} / {@code DATA_SCOPES} as --admin-scope / --data-scopes gave them
 *                      (they win over the environment's); empty without the flags
 */
public record ServerOptions(int port, DynamoDbOptions dynamoDb, S3Options s3, Path jwksFile, URI jwksUrl, String issuer,
                     List<String> audiences, CorsPolicy cors, AllowedHosts allowedHosts, List<String> notes,
                     LogFormat logFormat, boolean seedDemo, Map<String, String> scopeSettings) {
    static final int DEFAULT_PORT = 3000;

    static final String USAGE = """
            Usage: java -jar local/target/user-images-local.jar [options]
                   java -jar local/target/user-images-local.jar invoke FUNCTION -e EVENT.json [--db-path DIR | --dynamodb-endpoint URL]

            Serves the user-images API on http://127.0.0.1:PORT as API Gateway would, JWT authorizer included.

            Options (environment variable in brackets):
              --port N                    port on 127.0.0.1, 0 for any free one [PORT] (default 3000)
              --dynamodb-endpoint URL     use an existing DynamoDB (another engine, or AWS) [DYNAMODB_ENDPOINT]
                                          (default: dynalite, started by the server, in memory)
              --s3-endpoint URL           use an existing S3 (another engine, or AWS) for uploads [S3_ENDPOINT]
                                          (default: s3rver, started by the server, bucket user-images-local,
                                          its objects in a temporary directory removed at stop)
              --images-bucket NAME        the bucket to use at --s3-endpoint (required with it) [IMAGES_BUCKET]
              --db-path DIR               dynalite and s3rver, kept on disk in DIR (DIR/dynalite, DIR/s3)
              --jwks-file FILE            verify tokens with the keys in this JWKS file
              --jwks-url URL              verify tokens with the keys at this URL [JWKS_URL]
              --issuer ISSUER             the issuer tokens must have (with a JWKS) [JWT_ISSUER]
              --audience A[,B...]         accepted audiences / client ids (with a JWKS) [JWT_AUDIENCE]
              --cors-allow-origins O[,O]  answer browsers from these origins (scheme://host[:port]) with the
                                          deployed stack's CORS headers [CORS_ALLOW_ORIGINS] (default: no CORS)
              --allowed-hosts H[,H]       more Host names to answer, e.g. a LAN name or a tunnel
                                          (default: 127.0.0.1, localhost and [::1] only)
              --log-format human|json     the console's request lines: one short line each, or the JSON
                                          lines the functions write in Lambda (default: human)
              --seed demo                 add a few collections for the printed token's user at start
                                          (kept if they are there already)
              --admin-scope S             the scope POST /admin/table needs, or none [ADMIN_SCOPE] (default images/admin)
              --data-scopes S[,S]         the scopes a data route accepts (any one), or none [DATA_SCOPES]
                                          (default images/user,images/admin)
              -h, --help                  this text

            Without a JWKS the server is its own development issuer: it prints a ready token, and
            POST /local/token with {"sub":"bob"} returns another (scope images/user unless a scope is given).
            GET /docs is a documentation page where every route can be tried; GET /openapi.yaml the API's document.
            """;

    private static final Set<String> KNOWN = Set.of("--port", DynamoDbFlags.ENDPOINT, DynamoDbFlags.DB_PATH, S3Flags.ENDPOINT, S3Flags.BUCKET,
            "--jwks-file", "--jwks-url", "--issuer", "--audience", "--cors-allow-origins", "--allowed-hosts",
            "--log-format", "--seed", "--admin-scope", "--data-scopes");

    /** Null means help was asked for. */
    public static ServerOptions parse(List<String> argv, Map<String, String> env) throws UsageException {
        Args args = Args.parse(argv, KNOWN);
        if (args.help()) return null;
        if (!args.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + args.positional().getFirst() + "'");
        }
        List<String> notes = new java.util.ArrayList<>();

        int port = DEFAULT_PORT;
        if (args.get("--port") != null) {
            port = Args.port(args.get("--port"), "--port");
        } else if (Args.env(env, "PORT") != null) {
            port = Args.port(Args.env(env, "PORT"), "PORT");
        }

        DynamoDbOptions dynamoDb = DynamoDbFlags.parse(args, env);
        S3Options s3 = S3Flags.parse(args, env, notes);
        CorsPolicy cors = cors(args, env);
        AllowedHosts allowedHosts = allowedHosts(args);
        LogFormat logFormat = logFormat(args);
        boolean seedDemo = seedDemo(args);
        Map<String, String> scopeSettings = scopeSettings(args);

        Path jwksFile = args.get("--jwks-file") == null ? null : Args.path(args.get("--jwks-file"));
        String jwksUrlFlag = args.get("--jwks-url");
        if (jwksFile != null && jwksUrlFlag != null) {
            throw new UsageException("give --jwks-file or --jwks-url, not both");
        }
        URI jwksUrl = null;
        if (jwksUrlFlag != null) {
            jwksUrl = Args.httpUri(jwksUrlFlag, "--jwks-url");
        } else if (jwksFile == null && Args.env(env, "JWKS_URL") != null) {
            jwksUrl = Args.httpUri(Args.env(env, "JWKS_URL"), "JWKS_URL");
        }
        if (jwksFile != null && !java.nio.file.Files.isReadable(jwksFile)) {
            throw new UsageException("--jwks-file " + jwksFile + " cannot be read");
        }

        String issuerFlag = args.get("--issuer");
        String audienceFlag = args.get("--audience");
        boolean jwks = jwksFile != null || jwksUrl != null;
        if (!jwks) {
            if (issuerFlag != null || audienceFlag != null) {
                throw new UsageException("--issuer and --audience verify tokens of a real identity provider and need"
                        + " --jwks-file or --jwks-url; without a JWKS the development issuer is used");
            }
            // A variable left in the shell (e.g. for a deploy) must not stop the one-command start.
            if (Args.env(env, "JWT_ISSUER") != null || Args.env(env, "JWT_AUDIENCE") != null) {
                notes.add("JWT_ISSUER/JWT_AUDIENCE ignored: no JWKS given, so the development issuer is used");
            }
            return new ServerOptions(port, dynamoDb, s3, null, null, null, List.of(), cors, allowedHosts, List.copyOf(notes),
                    logFormat, seedDemo, scopeSettings);
        }
        String issuer = issuerFlag != null ? issuerFlag : Args.env(env, "JWT_ISSUER");
        String audience = audienceFlag != null ? audienceFlag : Args.env(env, "JWT_AUDIENCE");
        if (issuer == null || audience == null) {
            throw new UsageException("with a JWKS, give the issuer (--issuer or JWT_ISSUER) and the audience"
                    + " (--audience or JWT_AUDIENCE) that tokens must carry, as API Gateway's authorizer needs both");
        }
        List<String> audiences = Arrays.stream(audience.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (audiences.isEmpty()) throw new UsageException("the audience is empty");
        if (seedDemo) {
            throw new UsageException("--seed demo fills collections for the development issuer's user, and a JWKS replaces"
                    + " that issuer: leave out --seed, or the JWKS");
        }
        return new ServerOptions(port, dynamoDb, s3, jwksFile, jwksUrl, issuer, audiences, cors, allowedHosts, List.copyOf(notes),
                logFormat, false, scopeSettings);
    }

    /** The flag wins over the variable; neither (or blank) means no CORS. */
    private static CorsPolicy cors(Args args, Map<String, String> env) throws UsageException {
        String source = args.get("--cors-allow-origins") != null ? "--cors-allow-origins" : "CORS_ALLOW_ORIGINS";
        String value = args.get("--cors-allow-origins") != null ? args.get("--cors-allow-origins") : Args.env(env, "CORS_ALLOW_ORIGINS");
        if (value == null) return null;
        try {
            return CorsPolicy.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException(source + ": " + e.getMessage());
        }
    }

    /** The flags as the settings they set; a malformed value is refused here, naming the flag. */
    private static Map<String, String> scopeSettings(Args args) throws UsageException {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (var flag : Map.of("--admin-scope", Setting.ADMIN_SCOPE, "--data-scopes", Setting.DATA_SCOPES).entrySet()) {
            String value = args.get(flag.getKey());
            if (value == null) continue;
            var problem = RouteScopes.problem(value);
            if (problem.isPresent()) {
                throw new UsageException(flag.getKey() + " " + ConsoleText.escape(problem.get(), 200));
            }
            if (flag.getValue() == Setting.ADMIN_SCOPE && value.contains(",")) {
                throw new UsageException("--admin-scope is one scope name (or none)");
            }
            settings.put(flag.getValue().name(), value.strip());
        }
        return Map.copyOf(settings);
    }

    /** The environment the hosted functions read, with the scope flags applied over it. */
    Map<String, String> functionEnvironment(Map<String, String> env) {
        if (scopeSettings.isEmpty()) return env;
        Map<String, String> merged = new java.util.HashMap<>(env);
        merged.putAll(scopeSettings);
        return merged;
    }

    private static AllowedHosts allowedHosts(Args args) throws UsageException {
        String value = args.get("--allowed-hosts");
        if (value == null) return AllowedHosts.LOOPBACK_ONLY;
        try {
            return AllowedHosts.loopbackAnd(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--allowed-hosts: " + e.getMessage());
        }
    }

    private static LogFormat logFormat(Args args) throws UsageException {
        if (!args.has("--log-format")) return LogFormat.HUMAN;
        String value = args.get("--log-format");
        LogFormat format = value == null ? null : LogFormat.parse(value);
        if (format == null) {
            throw new UsageException("--log-format must be human or json, was '" + ConsoleText.escape(args.raw("--log-format"), 100) + "'");
        }
        return format;
    }

    private static boolean seedDemo(Args args) throws UsageException {
        if (!args.has("--seed")) return false;
        if (!"demo".equalsIgnoreCase(String.valueOf(args.get("--seed")))) {
            throw new UsageException("--seed must be demo (the one data set there is), was '"
                    + ConsoleText.escape(args.raw("--seed"), 100) + "'");
        }
        return true;
    }

    boolean developmentIssuer() { return jwksFile == null && jwksUrl == null; }
}
