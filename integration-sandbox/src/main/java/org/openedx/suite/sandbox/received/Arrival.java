package org.openedx.suite.sandbox.received;

import jakarta.servlet.http.HttpServletRequest;
import org.openedx.suite.sandbox.signature.StandardWebhooks;

/**
 * A request to one of the stand-ins, as far as it is known before it is answered.
 *
 * @param receiver       the webhook receiver; null for the other kinds
 * @param idempotencyKey the {@code Idempotency-Key} header, else {@code webhook-id}; null without either
 * @param signatureValid see {@link ReceivedRequest#signatureValid()}
 */
public record Arrival(Kind kind, String receiver, String path, String idempotencyKey, Boolean signatureValid) {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** A request to a stand-in other than a webhook receiver. */
    public static Arrival of(Kind kind, HttpServletRequest request) {
        return new Arrival(kind, null, request.getRequestURI(), idempotencyKey(request), null);
    }

    /** A request to a webhook receiver, with whether its signature holds (null: the receiver has no secret). */
    public static Arrival webhook(String receiver, Boolean signatureValid, HttpServletRequest request) {
        return new Arrival(Kind.WEBHOOK, receiver, request.getRequestURI(), idempotencyKey(request), signatureValid);
    }

    private static String idempotencyKey(HttpServletRequest request) {
        String key = request.getHeader(IDEMPOTENCY_KEY);
        return key != null ? key : request.getHeader(StandardWebhooks.ID);
    }
}
