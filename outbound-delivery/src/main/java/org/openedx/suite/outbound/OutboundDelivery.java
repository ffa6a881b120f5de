package org.openedx.suite.outbound;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * A call as the delivery log holds it.
 *
 * @param id           also the {@code Idempotency-Key} each attempt carries, so a receiver can drop repeats
 * @param attempts     attempts made so far
 * @param lastStatus   the HTTP status of the last answer; null when none came (timeout, connection refused)
 * @param lastError    why the last attempt did not deliver, or why the call failed for good
 * @param responseBody the final answer's body (an excerpt): the receiver's reply, or why it refused
 */
public record OutboundDelivery(UUID id, String purpose, String reference, String orderingKey, String method, URI url,
                               String body, Status status, int attempts, Instant createdAt, Instant nextAttemptAt,
                               Instant completedAt, Integer lastStatus, String lastError, String responseBody) {

    public enum Status {
        /** Not delivered yet; will be tried (again) at {@code nextAttemptAt}. */
        PENDING,
        /** A 2xx answer came back. */
        DELIVERED,
        /** Refused for good (a 4xx other than 408 and 429, a forbidden URL) or given up after the retry window. */
        FAILED;

        String column() {
            return name().toLowerCase();
        }

        static Status ofColumn(String value) {
            return valueOf(value.toUpperCase());
        }
    }
}
