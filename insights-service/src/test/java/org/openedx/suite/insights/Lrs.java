package org.openedx.suite.insights;

import org.openedx.suite.testsupport.HttpReceiver;

/** The external LRS the tests' insights forwards statements to: a real HTTP server, one for the JVM. */
public final class Lrs {

    public static final String BASE = "/lrs/xapi";
    public static final String STATEMENTS = BASE + "/statements";
    public static final String USERNAME = "lrs-user";
    public static final String PASSWORD = "lrs-secret";
    public static final HttpReceiver RECEIVER = HttpReceiver.start();

    private Lrs() {
    }
}
