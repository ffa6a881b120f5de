package org.openedx.suite.sandbox.received;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * A request the sandbox received, as {@code GET /api/received} lists it.
 *
 * @param receiver       the webhook receiver; null for the other kinds
 * @param idempotencyKey the {@code Idempotency-Key} header, else {@code webhook-id}; null without either
 * @param duplicate      whether a request of the same kind (and receiver) with this key was taken (answered 2xx) before
 * @param signatureValid for a webhook to a receiver with a secret, whether the signature holds; null otherwise
 * @param answeredStatus the status the sandbox answered with, a fault's included
 * @param body           the body as JSON; a body that is not JSON as a string; null without one
 */
public record ReceivedRequest(long seq, Kind kind, String receiver, Instant receivedAt, String path,
                              String idempotencyKey, boolean duplicate, Boolean signatureValid, int answeredStatus,
                              JsonNode body) {
}
