package com.cloudsquad.account;

/** Authority names of the two roles. */
public final class Roles {

    public static final String CANDIDATE = "ROLE_CANDIDATE";
    public static final String ADMIN = "ROLE_ADMIN";

    private Roles() {}
}
