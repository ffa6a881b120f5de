package org.openedx.suite.lms;

import org.openedx.suite.testsupport.HttpReceiver;

/** The plagiarism service the tests' LMS sends submissions to: a real HTTP server, one for the JVM. */
final class PlagiarismService {

    static final String PATH = "/plagiarism/submissions";
    static final String SECRET = "test-plagiarism-secret";
    static final HttpReceiver RECEIVER = HttpReceiver.start();

    private PlagiarismService() {
    }
}
