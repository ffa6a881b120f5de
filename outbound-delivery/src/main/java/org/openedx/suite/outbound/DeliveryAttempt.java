package org.openedx.suite.outbound;

import java.time.Instant;

/**
 * One attempt of a call.
 *
 * @param httpStatus null when no answer came (timeout, connection refused)
 * @param outcome    {@code delivered}, {@code retry} (will be tried again) or {@code failed} (for good)
 */
public record DeliveryAttempt(int attempt, Instant startedAt, int latencyMs, Integer httpStatus, String outcome,
                              String error, String responseExcerpt) {
}
