package com.userimages.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which scopes each route needs (API.md, "Authentication"): the admin scope on {@code POST /admin/table},
 * any one of the data scopes on every other route, so that an ID token (an audience, no scope) is
 * never an API credential. The one definition the gateway (CDK, SAM, the local server) and the
 * functions' own check read; the names are settings ({@link Setting#ADMIN_SCOPE},
 * {@link Setting#DATA_SCOPES}), and {@value #NONE} turns a check off on purpose.
 *
 * @param adminScope the admin route's scope; empty: none needed
 * @param dataScopes the data routes' scopes, any one of them; empty: none needed
 */
public record RouteScopes(Optional<String> adminScope, List<String> dataScopes) {
    public static final String DEFAULT_ADMIN_SCOPE = Scopes.ADMIN;
    public static final List<String> DEFAULT_DATA_SCOPES = List.of(Scopes.USER, Scopes.ADMIN);
    /** The explicit "no scope check" value; never a default. */
    public static final String NONE = "none";

    public static final RouteScopes DEFAULTS = new RouteScopes(Optional.of(DEFAULT_ADMIN_SCOPE), DEFAULT_DATA_SCOPES);

    public RouteScopes {
        dataScopes = List.copyOf(dataScopes);
    }

    /** From the functions' settings (defaults when unset); a malformed value fails, as every bad setting does. */
    public static RouteScopes from(Settings settings) {
        settings.validated(List.of(Setting.ADMIN_SCOPE, Setting.DATA_SCOPES));
        return parse(settings.value(Setting.ADMIN_SCOPE), settings.value(Setting.DATA_SCOPES));
    }

    /** The two values as the settings (and CDK context keys) spell them; throws with the problem if one is malformed. */
    public static RouteScopes parse(String adminScope, String dataScopes) {
        for (String value : List.of(adminScope, dataScopes)) {
            problem(value).ifPresent(p -> { throw new IllegalArgumentException("'" + value + "' " + p); });
        }
        List<String> admin = names(adminScope);
        if (admin.size() > 1) throw new IllegalArgumentException("the admin scope is one name (or none), was '" + adminScope + "'");
        return new RouteScopes(admin.stream().findFirst(), names(dataScopes));
    }

    /**
     * What is wrong with a scope list as written, if anything: {@value #NONE} alone, or names separated
     * by commas, each printable ASCII without spaces, quotes or backslashes (RFC 6749's scope-token).
     */
    public static Optional<String> problem(String value) {
        String v = value.strip();
        if (v.equals(NONE)) return Optional.empty();
        if (v.isEmpty()) return Optional.of("must name a scope or be " + NONE);
        for (String name : v.split(",", -1)) {
            String n = name.strip();
            if (n.isEmpty()) return Optional.of("has an empty scope name");
            if (n.equals(NONE)) return Optional.of("may be " + NONE + " alone, not in a list");
            for (int i = 0; i < n.length(); i++) {
                char c = n.charAt(i);
                if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                    return Optional.of("must be scope names (printable ASCII without spaces, quotes or backslashes) or " + NONE);
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> names(String value) {
        String v = value.strip();
        if (v.equals(NONE)) return List.of();
        return Arrays.stream(v.split(",")).map(String::strip).distinct().toList();
    }

    /** The scopes this route needs, any one of them; empty: none. */
    public List<String> required(ApiRoute route) {
        return route.isAdmin() ? adminScope.stream().toList() : dataScopes;
    }

    /** Whether a token with these scopes may call this route. */
    public boolean allows(ApiRoute route, java.util.Collection<String> tokenScopes) {
        List<String> required = required(route);
        return required.isEmpty() || required.stream().anyMatch(tokenScopes::contains);
    }

    /** Whether any check is off ({@value #NONE}): the synth and the local server warn about it. */
    public boolean anyCheckOff() {
        return adminScope.isEmpty() || dataScopes.isEmpty();
    }

    /** The admin scope as the setting spells it. */
    public String adminSetting() {
        return adminScope.orElse(NONE);
    }

    /** The data scopes as the setting spells them. */
    public String dataSetting() {
        return dataScopes.isEmpty() ? NONE : String.join(",", dataScopes);
    }

    /**
     * A {@code scope} claim that opens every route: the admin scope and the first data scope (the
     * local development issuer's banner and docs-page tokens).
     */
    public String everyRouteScopeClaim() {
        java.util.LinkedHashSet<String> scopes = new java.util.LinkedHashSet<>();
        adminScope.ifPresent(scopes::add);
        if (!dataScopes.isEmpty() && dataScopes.stream().noneMatch(scopes::contains)) {
            scopes.add(dataScopes.getFirst());
        }
        return String.join(" ", scopes);
    }

    /** The scope a token gets when its request names none: a user's, the first data scope ({@code images/user}). */
    public String userScopeClaim() {
        return dataScopes.isEmpty() ? Scopes.USER : dataScopes.getFirst();
    }

    public boolean isDefault() {
        return equals(DEFAULTS);
    }
}
