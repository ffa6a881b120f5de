package org.openedx.suite.sandbox.plagiarism;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sandbox.plagiarism.*}.
 *
 * @param delay           how long a check takes before the first callback
 * @param callbackSecret  the Standard Webhooks secret the callbacks are signed with ({@code SANDBOX_PLAGIARISM_SECRET})
 * @param retryBackoff    the waits before the second, third, ... try of a callback that failed; its length is the
 *                        number of retries
 * @param callbackTimeout how long one try waits for an answer
 */
@ConfigurationProperties("sandbox.plagiarism")
record PlagiarismProperties(
        @DefaultValue("500ms") Duration delay,
        @DefaultValue("change-me-plagiarism") String callbackSecret,
        @DefaultValue({"500ms", "1s", "2s", "4s", "8s"}) List<Duration> retryBackoff,
        @DefaultValue("5s") Duration callbackTimeout) {
}
