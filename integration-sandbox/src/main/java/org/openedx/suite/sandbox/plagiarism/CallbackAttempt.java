package org.openedx.suite.sandbox.plagiarism;

import java.time.Instant;

/**
 * One try to deliver a check's callback.
 *
 * @param attempt 1 for the first try
 * @param status  the callback URL's answer; null when there was none
 * @param error   why there was no answer (refused, timed out); null when there was one
 */
record CallbackAttempt(String checkId, int attempt, Integer status, String error, Instant at) {
}
