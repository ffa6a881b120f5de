package org.openedx.suite.web.security;

/**
 * What a client of the LMS's authorization server may do beyond its roles: read or write one kind of record across
 * learners and courses, as an integration does (Open edX's {@code grades:read}, {@code certificates:read}). Granted in
 * the client's registration; a user's token carries none of these.
 */
public final class Scopes {

    public static final String CATALOG_READ = "catalog:read";
    public static final String CATALOG_WRITE = "catalog:write";
    public static final String GRADES_READ = "grades:read";
    public static final String CERTIFICATES_READ = "certificates:read";
    public static final String EXAMS_READ = "exams:read";
    public static final String CREDENTIALS_READ = "credentials:read";
    /** Insights' figures and its xAPI statements (the LRS read API): what a reporting tool reads. */
    public static final String INSIGHTS_READ = "insights:read";

    private Scopes() {
    }
}
