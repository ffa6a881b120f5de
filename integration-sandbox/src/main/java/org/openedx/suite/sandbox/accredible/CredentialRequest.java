package org.openedx.suite.sandbox.accredible;

import java.time.LocalDate;

import org.openedx.suite.sandbox.web.JsonBody;

/** {@code {"credential": {"recipient": {name, email}, group_id, issued_on, expired_on?}}}. */
record CredentialRequest(Credential.Recipient recipient, int groupId, LocalDate issuedOn, LocalDate expiredOn) {

    /** Reads the body, refusing it with the path of the first field that is missing or wrong. */
    static CredentialRequest of(JsonBody body) {
        JsonBody credential = body.object("credential");
        JsonBody recipient = credential.object("recipient");
        return new CredentialRequest(new Credential.Recipient(recipient.text("name"), recipient.email("email")),
                credential.integer("group_id", 1, Integer.MAX_VALUE), credential.date("issued_on"),
                credential.optionalDate("expired_on").orElse(null));
    }

    Credential toCredential(long id) {
        return new Credential(id, recipient, groupId, issuedOn, expiredOn);
    }
}
