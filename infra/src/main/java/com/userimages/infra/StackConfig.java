package com.userimages.infra;

import com.userimages.contract.RouteScopes;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.constructs.Node;

/**
 * What an operator chooses per deployment, read from CDK context ({@code cdk.json} holds a
 * placeholder for each, so a bare {@code cdk synth} works; {@code -c key=value} overrides).
 * Values are validated here so a typo fails the synth, not the first request in AWS.
 */
public record StackConfig(
        String jwtIssuer,
        List<String> jwtAudience,
        List<String> corsAllowOrigins,
        int throttleRateLimit,
        int throttleBurstLimit,
        int pageTokenKeyGeneration,
        Path functionsJar,
        boolean createUserPool,
        List<String> callbackUrls,
        // Empty: the alarm topic gets no e-mail subscription.
        String alarmEmail,
        // The scopes each route needs; renamed (or none) only for an external identity provider.
        RouteScopes routeScopes,
        // Each data function's reserved concurrency; create-table's is always CREATE_TABLE_CONCURRENCY.
        int reservedConcurrency,
        // "dev" unless given: a development stack may keep the localhost callback.
        String stage,
        // How the live aliases move to a new version; all at once unless a stage asks for a canary.
        TrafficShifting trafficShifting) {

    public static final String JWT_ISSUER = "jwtIssuer";
    public static final String JWT_AUDIENCE = "jwtAudience";
    public static final String CORS_ALLOW_ORIGINS = "corsAllowOrigins";
    public static final String THROTTLE_RATE_LIMIT = "throttleRateLimit";
    public static final String THROTTLE_BURST_LIMIT = "throttleBurstLimit";
    public static final String PAGE_TOKEN_KEY_GENERATION = "pageTokenKeyGeneration";
    public static final String FUNCTIONS_JAR = "functionsJar";
    public static final String CREATE_USER_POOL = "createUserPool";
    public static final String CALLBACK_URLS = "callbackUrls";
    public static final String ALARM_EMAIL = "alarmEmail";
    public static final String ADMIN_SCOPE = "adminScope";
    public static final String DATA_SCOPES = "dataScopes";
    public static final String RESERVED_CONCURRENCY = "reservedConcurrency";
    public static final String STAGE = "stage";
    public static final String TRAFFIC_SHIFTING = "trafficShifting";
    /** Per-stage settings: {@code "stages": {"prod": {"alarmEmail": ...}}}, each over the top-level values. */
    public static final String STAGES = "stages";
    /** A stage's target account and region, beside its settings (cross-account pipelines). */
    public static final String ACCOUNT = "account";
    public static final String REGION = "region";

    /** The stage a deployment is when it names none. */
    public static final String DEV_STAGE = "dev";
    /** The rare admin call never needs two at once; capped so it can never take the account's concurrency. */
    public static final int CREATE_TABLE_CONCURRENCY = 1;

    /** The issuer {@code cdk.json} ships with: synthesizable, never a real identity provider. */
    public static final String PLACEHOLDER_ISSUER = "https://issuer.example.com/";

    public StackConfig {
        URI issuer = URI.create(jwtIssuer);
        // API Gateway fetches the JWKS from the issuer's discovery document, which it only does over https.
        if (!"https".equals(issuer.getScheme()) || issuer.getHost() == null) {
            throw new IllegalArgumentException(JWT_ISSUER + " must be an https URL, was '" + jwtIssuer + "'");
        }
        if (jwtAudience.isEmpty()) {
            throw new IllegalArgumentException(JWT_AUDIENCE + " needs at least one audience (client id)");
        }
        for (String origin : corsAllowOrigins) {
            if (!origin.equals("*") && !origin.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException(CORS_ALLOW_ORIGINS + ": '" + origin + "' is not an origin (scheme://host[:port])");
            }
        }
        if (throttleRateLimit <= 0 || throttleBurstLimit <= 0) {
            throw new IllegalArgumentException("throttle limits must be positive");
        }
        if (pageTokenKeyGeneration <= 0) {
            throw new IllegalArgumentException(PAGE_TOKEN_KEY_GENERATION + " must be positive");
        }
        for (String url : callbackUrls) {
            // Cognito's rule: an absolute URL without fragment, https unless it is a local address.
            if (!url.matches("(https://[^/\\s#]+|http://localhost(:\\d+)?)(/[^\\s#]*)?")) {
                throw new IllegalArgumentException(CALLBACK_URLS + ": '" + url
                        + "' is not an https URL (or http://localhost) without fragment");
            }
        }
        if (createUserPool && callbackUrls.isEmpty()) {
            throw new IllegalArgumentException(CALLBACK_URLS + " needs at least one URL when " + CREATE_USER_POOL + "=true");
        }
        if (!alarmEmail.isEmpty() && !alarmEmail.matches("[^@\\s,]+@[^@\\s,]+\\.[^@\\s,]+")) {
            throw new IllegalArgumentException(ALARM_EMAIL + " is not an e-mail address: '" + alarmEmail + "'");
        }
        // The pool defines images/admin and images/user itself; other names would lock everyone out.
        if (createUserPool && !routeScopes.isDefault()) {
            throw new IllegalArgumentException(ADMIN_SCOPE + " and " + DATA_SCOPES + " name an external identity provider's"
                    + " scopes; with " + CREATE_USER_POOL + "=true the pool's own (" + RouteScopes.DEFAULT_ADMIN_SCOPE + ", "
                    + String.join(",", RouteScopes.DEFAULT_DATA_SCOPES) + ") are used: leave both at their defaults");
        }
        if (reservedConcurrency <= 0) {
            throw new IllegalArgumentException(RESERVED_CONCURRENCY + " must be positive");
        }
        if (!stage.matches("[A-Za-z0-9-]{1,32}")) {
            throw new IllegalArgumentException(STAGE + " must be 1 to 32 letters, digits or '-', was '" + stage + "'");
        }
        if (createUserPool && !isDevStage(stage)) {
            for (String url : callbackUrls) {
                if (url.startsWith("http://localhost")) {
                    throw new IllegalArgumentException(CALLBACK_URLS + " still holds the development callback " + url
                            + " but " + STAGE + " is '" + stage + "': give the app's own https callback"
                            + " (-c " + CALLBACK_URLS + "=https://app.example.com/callback), or -c " + STAGE + "=" + DEV_STAGE
                            + " for a development stack");
                }
            }
        }
        java.util.Objects.requireNonNull(trafficShifting, TRAFFIC_SHIFTING);
        jwtAudience = List.copyOf(jwtAudience);
        corsAllowOrigins = List.copyOf(corsAllowOrigins);
        callbackUrls = List.copyOf(callbackUrls);
    }

    static boolean isDevStage(String stage) {
        return DEV_STAGE.equals(stage);
    }

    public boolean corsEnabled() {
        return !corsAllowOrigins.isEmpty();
    }

    /** Only matters without the user pool: with it, the authorizer trusts the pool and ignores jwtIssuer. */
    public boolean usesPlaceholderIssuer() {
        return !createUserPool && PLACEHOLDER_ISSUER.equals(jwtIssuer);
    }

    /** The stack without a stage (today's {@code UserImagesStack}): the top-level context values. */
    public static StackConfig fromContext(Node node) {
        Function<String, Object> raw = node::tryGetContext;
        Object stage = node.tryGetContext(STAGE);
        // Optional: absent means a development stack.
        return from(raw, stage == null ? DEV_STAGE : stage.toString().trim());
    }

    /**
     * A named stage: the top-level context values, each replaced by the stage's own where
     * {@code stages.<stage>} gives one. A key there that is no setting is a typo and fails the synth.
     */
    public static StackConfig forStage(Node node, String stage) {
        Map<String, Object> own = stageSettings(node, stage);
        Function<String, Object> raw = key -> own.containsKey(key) ? own.get(key) : node.tryGetContext(key);
        return from(raw, stage);
    }

    /** The keys a stage may set for itself: every setting but the stage's own name, and its target. */
    static final List<String> STAGE_KEYS = List.of(JWT_ISSUER, JWT_AUDIENCE, CORS_ALLOW_ORIGINS, THROTTLE_RATE_LIMIT,
            THROTTLE_BURST_LIMIT, PAGE_TOKEN_KEY_GENERATION, CREATE_USER_POOL, CALLBACK_URLS, ALARM_EMAIL, ADMIN_SCOPE,
            DATA_SCOPES, RESERVED_CONCURRENCY, TRAFFIC_SHIFTING, ACCOUNT, REGION);

    /** {@code stages.<stage>} from the context, checked key by key; empty when the stage has none. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> stageSettings(Node node, String stage) {
        Object stages = node.tryGetContext(STAGES);
        if (stages == null) return Map.of();
        if (!(stages instanceof Map<?, ?> byStage)) {
            throw new IllegalArgumentException(STAGES + " must be an object of stage name to settings (in cdk.json), was '"
                    + stages + "'");
        }
        Object own = byStage.get(stage);
        if (own == null) return Map.of();
        if (!(own instanceof Map<?, ?> settings)) {
            throw new IllegalArgumentException(STAGES + "." + stage + " must be an object of settings, was '" + own + "'");
        }
        for (Object key : settings.keySet()) {
            if (!STAGE_KEYS.contains(key.toString())) {
                throw new IllegalArgumentException(STAGES + "." + stage + "." + key + " is no per-stage setting (one of "
                        + String.join(", ", STAGE_KEYS) + ")");
            }
        }
        return (Map<String, Object>) settings;
    }

    private static StackConfig from(Function<String, Object> raw, String stage) {
        Function<String, String> get = key -> {
            Object v = raw.apply(key);
            if (v == null) {
                throw new IllegalArgumentException("missing CDK context value '" + key
                        + "' (cdk.json has a default for each; pass -c " + key + "=...)");
            }
            return v.toString().trim();
        };
        Object shifting = raw.apply(TRAFFIC_SHIFTING);
        return new StackConfig(
                get.apply(JWT_ISSUER),
                list(get.apply(JWT_AUDIENCE)),
                list(get.apply(CORS_ALLOW_ORIGINS)),
                positiveInt(THROTTLE_RATE_LIMIT, get.apply(THROTTLE_RATE_LIMIT)),
                positiveInt(THROTTLE_BURST_LIMIT, get.apply(THROTTLE_BURST_LIMIT)),
                positiveInt(PAGE_TOKEN_KEY_GENERATION, get.apply(PAGE_TOKEN_KEY_GENERATION)),
                Path.of(get.apply(FUNCTIONS_JAR)),
                bool(CREATE_USER_POOL, get.apply(CREATE_USER_POOL)),
                list(get.apply(CALLBACK_URLS)),
                get.apply(ALARM_EMAIL),
                routeScopes(get.apply(ADMIN_SCOPE), get.apply(DATA_SCOPES)),
                positiveInt(RESERVED_CONCURRENCY, get.apply(RESERVED_CONCURRENCY)),
                stage,
                // Optional: absent means the alias moves at once, as it always did.
                shifting == null ? TrafficShifting.ALL_AT_ONCE
                        : TrafficShifting.parse(TRAFFIC_SHIFTING, shifting.toString().trim()));
    }

    private static RouteScopes routeScopes(String adminScope, String dataScopes) {
        try {
            return RouteScopes.parse(adminScope, dataScopes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ADMIN_SCOPE + "/" + DATA_SCOPES + ": " + e.getMessage());
        }
    }

    /** {@code true} from cdk.json, {@code "true"} from {@code -c}; anything but true/false is a typo. */
    private static boolean bool(String key, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, was '" + value + "'");
        };
    }

    /** Comma-separated on the command line ({@code -c jwtAudience=a,b}); blank means none. */
    static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int positiveInt(String key, String value) {
        try {
            // Context from cdk.json arrives as a JSON number (maybe "50.0" through jsii), from -c as text.
            double d = Double.parseDouble(value);
            if (d != Math.rint(d)) throw new NumberFormatException();
            return (int) d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + value + "'");
        }
    }
}
