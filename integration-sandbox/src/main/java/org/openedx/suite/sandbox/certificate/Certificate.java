package org.openedx.suite.sandbox.certificate;

import java.time.Instant;

/**
 * A certificate the provider made, as {@code GET /certificate-provider/certificates} shows it: the latest request for
 * its reference, and its status.
 */
record Certificate(String id, String reference, String url, Status status, String templateId, String username,
                   String name, String email, String courseKey, String courseName, String mode, String grade,
                   Instant generatedAt, Instant revokedAt) {

    Certificate regenerated(CertificateRequest request, Instant now) {
        return request.toCertificate(id, url, now);
    }

    Certificate revoked(Instant now) {
        return new Certificate(id, reference, url, Status.REVOKED, templateId, username, name, email, courseKey,
                courseName, mode, grade, generatedAt, now);
    }

    /** {@code {id, reference, url, status}}: what generating or revoking answers. */
    Receipt receipt() {
        return new Receipt(id, reference, url, status);
    }

    record Receipt(String id, String reference, String url, Status status) {
    }
}
