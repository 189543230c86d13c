package com.userimages.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.userimages.contract.ApiRoute;
import com.userimages.contract.RouteScopes;
import com.userimages.contract.Subjects;

import java.math.BigDecimal;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * API Gateway's HTTP API JWT authorizer, rule for rule (AWS docs, "Control access to HTTP APIs with
 * JWT authorizers"): the token from the Authorization header, with or without "Bearer "; RS256 only;
 * the key picked from the JWKS by the token's {@code kid}; {@code iss} equal to the issuer; {@code aud}
 * — or {@code client_id} when there is no {@code aud} — one of the audiences; {@code exp} required and
 * {@code exp}, {@code nbf}, {@code iat} checked with at most 60 s of clock skew; and, when the route
 * has scopes, at least one of them in the token's {@code scope} (or {@code scp}) claim.
 */
public final class JwtAuthorizer {
    static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

    public sealed interface Result permits Allowed, Denied {}

    /**
     * @param claims every claim as a string, as API Gateway passes them
     * @param scopes the token's scopes when the route requires scopes, else null (as API Gateway sends)
     */
    public record Allowed(Map<String, String> claims, List<String> scopes) implements Result {}

    /**
     * @param description why, for the {@code www-authenticate} header and the console, never the body:
     *                    always one of this class's fixed texts, never anything taken from the token
     */
    public record Denied(int status, String description, List<String> requiredScopes) implements Result {
        public static Denied unauthorized(String description) { return new Denied(401, description, List.of()); }
    }

    private static final Base64.Encoder URL_ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final String issuer;
    private final Set<String> audiences;
    private final Clock clock;
    private final RouteScopes routeScopes;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    /** With the default scope names. */
    public JwtAuthorizer(String issuer, List<String> audiences, JWKSource<SecurityContext> keys, Clock clock) {
        this(issuer, audiences, keys, clock, RouteScopes.DEFAULTS);
    }

    /** @param routeScopes the scopes each route needs, as the deployed stack's routes are configured */
    public JwtAuthorizer(String issuer, List<String> audiences, JWKSource<SecurityContext> keys, Clock clock,
                         RouteScopes routeScopes) {
        this.routeScopes = routeScopes;
        this.issuer = issuer;
        this.audiences = Set.copyOf(audiences);
        this.clock = clock;
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        // API Gateway ignores "typ": RFC 9068 access tokens ("at+jwt") are as welcome as plain "JWT".
        processor.setJWSTypeVerifier((type, context) -> {});
        processor.setJWTClaimsSetVerifier((claims, context) -> verifyClaims(claims));
    }

    public String issuer() { return issuer; }

    public Set<String> audiences() { return audiences; }

    public RouteScopes routeScopes() { return routeScopes; }

    public Result authorize(String authorization, ApiRoute route) {
        if (authorization == null || authorization.isBlank()) return Denied.unauthorized("the request has no token");
        String token = authorization.strip();
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) token = token.substring(7).strip();

        // Every reason below is a fixed text: nothing of the token (kid, alg, iss, a parser's message
        // quoting it) ever reaches the www-authenticate header or the console.
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return Denied.unauthorized("the token is not a JWT");
        }
        if (jwt instanceof EncryptedJWT) return Denied.unauthorized("encrypted tokens are not supported");
        if (!(jwt instanceof SignedJWT signed)) return Denied.unauthorized("the token is not signed (alg none)");
        if (!isCanonical(token)) return Denied.unauthorized("the token is not canonical base64url");
        JWSHeader header = signed.getHeader();
        if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
            return Denied.unauthorized("the token's signing method is not RS256");
        }
        if (header.getKeyID() == null) return Denied.unauthorized("the token has no kid");

        try {
            processor.process(signed, null);
        } catch (ClaimRejected e) {
            return Denied.unauthorized(e.getMessage());
        } catch (BadJWTException e) {
            return Denied.unauthorized("the token's claims are not valid");
        } catch (BadJWSException e) {
            return Denied.unauthorized("the token's signature is invalid");
        } catch (BadJOSEException e) {
            return Denied.unauthorized("no key in the JWKS matches the token's kid");
        } catch (JOSEException e) {
            return Denied.unauthorized("the token's signature could not be verified");
        }

        Map<String, Object> payload = signed.getPayload().toJSONObject();
        if (!(payload.get("sub") instanceof String sub) || !Subjects.isUsable(sub)) {
            return Denied.unauthorized("the token's subject is missing or unusable");
        }
        List<String> tokenScopes = scopes(payload);
        List<String> required = routeScopes.required(route);
        if (!required.isEmpty() && required.stream().noneMatch(tokenScopes::contains)) {
            return new Denied(403, "the token has none of the scopes " + required, required);
        }
        return new Allowed(claimStrings(payload), required.isEmpty() ? null : tokenScopes);
    }

    /**
     * Local-only strictness (API.md): each of the three parts must be base64url exactly as an encoder
     * writes it — url alphabet only, no '=' padding, unused low bits zero — so that one token has one
     * spelling. nimbus alone decodes leniently (padding, stray characters and set low bits pass).
     */
    static boolean isCanonical(String compactJws) {
        String[] parts = compactJws.split("\\.", -1);
        if (parts.length != 3) return false;
        for (String part : parts) {
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                boolean alphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
                if (!alphabet) return false;
            }
            if (part.length() % 4 == 1) return false;
            byte[] bytes = Base64.getUrlDecoder().decode(part);
            if (!URL_ENCODER.encodeToString(bytes).equals(part)) return false;
        }
        return true;
    }

    /** A claim check failed; its message is one of the fixed reasons written in {@link #verifyClaims}. */
    private static final class ClaimRejected extends BadJWTException {
        ClaimRejected(String reason) { super(reason); }
    }

    private void verifyClaims(JWTClaimsSet claims) throws BadJWTException {
        if (!issuer.equals(claims.getIssuer())) throw new ClaimRejected("the token has an invalid issuer");

        Object aud = claims.getClaim("aud");
        if (aud != null) {
            if (claims.getAudience().stream().noneMatch(audiences::contains)) {
                throw new ClaimRejected("the token does not have a valid audience");
            }
        } else {
            Object clientId = claims.getClaim("client_id");
            if (!(clientId instanceof String id) || !audiences.contains(id)) {
                throw new ClaimRejected("the token does not have a valid audience");
            }
        }

        Instant now = clock.instant();
        Date exp = claims.getExpirationTime();
        if (exp == null) throw new ClaimRejected("the token has no expiration time");
        if (!now.isBefore(exp.toInstant().plus(MAX_CLOCK_SKEW))) throw new ClaimRejected("the token has expired");
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(MAX_CLOCK_SKEW).isBefore(nbf.toInstant())) {
            throw new ClaimRejected("the token is not valid yet");
        }
        Date iat = claims.getIssueTime();
        if (iat != null && now.plus(MAX_CLOCK_SKEW).isBefore(iat.toInstant())) {
            throw new ClaimRejected("the token was issued in the future");
        }
    }

    /**
     * The {@code scope} claim (space-separated, or a list) if present, else {@code scp}. Split on the
     * space character only (RFC 6749's scope syntax): trim() or a whitespace regex would strip a NUL,
     * a tab or another control character and turn "images/admin" followed by a NUL into the admin scope.
     */
    static List<String> scopes(Map<String, Object> payload) {
        Object value = payload.containsKey("scope") ? payload.get("scope") : payload.get("scp");
        if (value instanceof String s) return Arrays.stream(s.split(" ")).filter(x -> !x.isEmpty()).toList();
        if (value instanceof List<?> list) return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        return List.of();
    }

    /** API Gateway passes every claim as a string; lists as "[a b]", as its authorizer renders them. */
    static Map<String, String> claimStrings(Map<String, Object> payload) {
        Map<String, String> claims = new LinkedHashMap<>();
        payload.forEach((name, value) -> {
            if (value != null) claims.put(name, claimString(value));
        });
        return claims;
    }

    private static String claimString(Object value) {
        return switch (value) {
            case String s -> s;
            case Double d when d == Math.rint(d) && Math.abs(d) < 1e15 -> Long.toString(d.longValue());
            case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            case List<?> list -> list.stream().map(v -> v == null ? "null" : claimString(v))
                    .collect(Collectors.joining(" ", "[", "]"));
            case Map<?, ?> map -> {
                @SuppressWarnings("unchecked") Map<String, ?> object = (Map<String, ?>) map;
                yield JSONObjectUtils.toJSONString(object);
            }
            default -> value.toString();
        };
    }
}
