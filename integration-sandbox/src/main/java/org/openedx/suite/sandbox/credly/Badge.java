package org.openedx.suite.sandbox.credly;

import java.time.Instant;

/**
 * An issued badge, as Credly shows it in {@code data}. {@code issued_at} and {@code expires_at} are as the issuer sent
 * them.
 */
record Badge(String id, BadgeState state, String recipientEmail, String issuedToFirstName, String issuedToLastName,
             Template badgeTemplate, String issuedAt, String expiresAt, Instant createdAt, Instant revokedAt,
             String revocationReason) {

    /** The same badge revoked; a badge revoked before stays as it was (when, why). */
    Badge revoked(String reason, Instant now) {
        if (state == BadgeState.REVOKED) {
            return this;
        }
        return new Badge(id, BadgeState.REVOKED, recipientEmail, issuedToFirstName, issuedToLastName, badgeTemplate,
                issuedAt, expiresAt, createdAt, now, reason);
    }

    /** Whether this badge is {@code request}'s badge held by its recipient: Credly issues no second one. */
    boolean heldAs(IssueRequest request) {
        return state == BadgeState.ACCEPTED && badgeTemplate.id().equals(request.badgeTemplateId())
                && recipientEmail.equalsIgnoreCase(request.recipientEmail());
    }

    record Template(String id) {
    }
}
