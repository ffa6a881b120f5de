package org.openedx.suite.credentials;

import org.openedx.suite.testsupport.HttpReceiver;

/** The badge provider (Credly's API) the tests' credentials-service calls: a real HTTP server, one for the JVM. */
public final class BadgeProvider {

    public static final String ORGANIZATION = "test-org";
    public static final String API_KEY = "test-credly-key";
    public static final String BADGES = "/credly/v1/organizations/" + ORGANIZATION + "/badges";
    public static final HttpReceiver CREDLY = HttpReceiver.start();

    private BadgeProvider() {
    }
}
