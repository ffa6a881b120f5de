package org.openedx.suite.outbound;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbound calls of a service: written in the transaction of the change that causes them, sent after it commits
 * by the delivery worker, until a 2xx answer, a refusal for good, or the end of the retry window. Nothing is lost: a
 * call whose change committed is made even if the process dies before or during the attempt (the next attempt carries
 * the same {@code Idempotency-Key}).
 */
public interface OutboundDeliveries {

    /**
     * Writes the call; it is sent once the caller's transaction commits.
     *
     * @return its id, also the {@code Idempotency-Key} header of every attempt
     * @throws IllegalStateException outside a transaction, or for a purpose no {@link OutboundPurpose} bean serves
     */
    UUID enqueue(OutboundRequest request);

    Optional<OutboundDelivery> find(UUID id);

    /** The calls made for one reference of a purpose, newest first, at most {@code limit}. */
    List<OutboundDelivery> ofReference(String purpose, String reference, int limit);

    /** The calls of a status, newest first, at most {@code limit}. */
    List<OutboundDelivery> withStatus(OutboundDelivery.Status status, int limit);

    List<DeliveryAttempt> attempts(UUID id);

    /**
     * Sends a delivered or failed call again, now, with the same idempotency key and a new retry window.
     *
     * @return false when there is no such call; a pending one is left as it is (it is being sent)
     */
    boolean redeliver(UUID id);

    /** Ends the pending calls of a reference as failed for good, e.g. when a webhook subscription is disabled. */
    int failPending(String purpose, String reference, String reason);

    /** Pending and failed calls, and the age of the oldest pending one. */
    Backlog backlog();

    /** @param oldestPendingSeconds 0 when nothing is pending */
    record Backlog(long pending, long failed, double oldestPendingSeconds) {
    }
}
