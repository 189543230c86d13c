package com.userimages.contract;

/** OAuth scopes the API knows. */
public final class Scopes {
    /** Needed by {@code POST /admin/table}: enforced by the gateway, checked again by the function. */
    public static final String ADMIN = "images/admin";

    private Scopes() {}
}
