package org.openedx.suite.web.security;

/**
 * The claims of the suite's access tokens. Where Open edX's JWT has a claim for an idea the suite uses its name
 * ({@code preferred_username}, {@code email}, {@code administrator}, {@code scopes}, {@code user_id}, {@code version},
 * {@code filters}, {@code name}); {@code roles} and {@code course_staff} are the suite's own.
 */
public final class TokenClaims {

    /** Every service of the suite accepts tokens issued for this audience, and no other. */
    public static final String AUDIENCE = "openedx-suite";
    /** The version of Open edX's JWT format the claims follow. */
    public static final String VERSION = "1.2.0";

    public static final String PREFERRED_USERNAME = "preferred_username";
    public static final String EMAIL = "email";
    public static final String NAME = "name";
    public static final String USER_ID = "user_id";
    public static final String ADMINISTRATOR = "administrator";
    public static final String SCOPES = "scopes";
    public static final String FILTERS = "filters";
    public static final String CLAIMS_VERSION = "version";
    /** The suite's roles of the subject: {@code learner}, {@code staff}, {@code admin}. */
    public static final String ROLES = "roles";
    /** The course keys of the runs the user is staff of (ADR 7: course staff travels in the token). */
    public static final String COURSE_STAFF = "course_staff";

    private TokenClaims() {
    }
}
