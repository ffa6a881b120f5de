package org.openedx.suite.it.support;

import org.openedx.suite.runner.ServiceProcess;

/**
 * The operator's access token from the running suite's LMS ({@code suite-admin}, client credentials), as the scripts
 * get it: the cross-service tests drive every flow with it, as the specification allows an operator to. Kept until
 * a service refuses it (the LMS signs with a new key after a restart), then asked for again.
 */
public final class OperatorToken {

    private static String token;

    private OperatorToken() {
    }

    /**
     * The token, or null while no suite runs or its LMS is stopped by a fault test (a request then goes without one,
     * and a service answers 401 where it wants one).
     */
    public static synchronized String current() {
        if (token == null) {
            ServiceProcess.Identity identity = RunningSuite.identityIfRunning();
            if (identity != null) {
                token = identity.operatorToken();
            }
        }
        return token;
    }

    /** Forgets a token a service refused, so that {@link #current()} asks the LMS again. */
    static synchronized void refused(String refused) {
        if (refused != null && refused.equals(token)) {
            token = null;
        }
    }
}
