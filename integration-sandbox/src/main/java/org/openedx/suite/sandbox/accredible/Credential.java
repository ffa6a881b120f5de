package org.openedx.suite.sandbox.accredible;

import java.time.LocalDate;

/**
 * A credential Accredible issued, as it shows it in {@code {"credential": ...}}: expired (revoked) once
 * {@code expired_on} is set.
 */
record Credential(long id, Recipient recipient, int groupId, LocalDate issuedOn, LocalDate expiredOn) {

    Credential expired(LocalDate on) {
        return new Credential(id, recipient, groupId, issuedOn, on);
    }

    record Recipient(String name, String email) {
    }
}
