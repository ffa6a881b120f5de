package org.openedx.suite.outbound;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * What a kind of call adds to the delivery, as a bean named by {@link #name()}: the headers each attempt carries
 * (a signature over the body, computed when it is sent) and what to do with the outcome. The outcome methods run in
 * the transaction that records it, so their effect and the delivery's new status commit together; they are handed
 * the call as that answer leaves it ({@code lastStatus}, {@code lastError}, the final {@code responseBody}).
 */
public interface OutboundPurpose {

    /** The {@link OutboundRequest#purpose()} this bean serves. */
    String name();

    /**
     * Where an attempt goes: the delivery's URL, unless the purpose completes it from what it learnt since the call was
     * written (a provider's id for the thing to revoke, say). The URL rule applies to what this returns.
     */
    default URI url(OutboundDelivery delivery) {
        return delivery.url();
    }

    /** Headers for one attempt, computed just before it is sent (at {@code sentAt}). */
    default Map<String, String> headers(OutboundDelivery delivery, Instant sentAt) {
        return Map.of();
    }

    /**
     * Whether an answer other than 2xx means the receiver already holds what the call carries, so the call is
     * delivered (an LRS's 409 for a statement id it has: the repeat of a call whose answer was lost). None by default.
     */
    default boolean alreadyHeld(int status) {
        return false;
    }

    /** A 2xx answer came back, or one that {@link #alreadyHeld} says is as good. */
    default void delivered(OutboundDelivery delivery, int status, String responseBody) {
    }

    /** An attempt failed and the call will be tried again; {@code reason} says why. */
    default void attemptFailed(OutboundDelivery delivery, String reason) {
    }

    /** The call failed for good: refused by the receiver or by the URL rule, or retried past its window. */
    default void failed(OutboundDelivery delivery, String reason) {
    }
}
