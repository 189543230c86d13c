package com.userimages.contract;

/** OAuth scopes the API knows. */
public final class Scopes {
    /** Needed by {@code POST /admin/table}: enforced by the gateway, checked again by the function. */
    public static final String ADMIN = "images/admin";

    /**
     * Needed by the data routes when the stack creates its own Cognito user pool (an access token of
     * the people client carries it; an ID token carries no scope and is refused there).
     */
    public static final String USER = "images/user";

    private Scopes() {}
}
