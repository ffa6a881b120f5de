package org.openedx.suite.web.security;

/** The roles a token may carry, as Spring Security authorities are named ({@code ROLE_} + role). */
public final class Roles {

    /** A learner, acting on their own records only. */
    public static final String LEARNER = "learner";
    /** Course staff: grades, invalidations, exam reviews and resets in the courses they are staff of. */
    public static final String STAFF = "staff";
    /** The operator: everything, the operator endpoints included. */
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
