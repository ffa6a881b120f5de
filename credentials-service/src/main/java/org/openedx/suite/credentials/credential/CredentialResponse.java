package org.openedx.suite.credentials.credential;

import java.time.Instant;
import java.util.UUID;

/**
 * @param certificateType the mode of the certificate that earned the credential ({@code verified}, {@code honor}, ...)
 * @param modified        time of the certificate event last applied to the credential
 */
record CredentialResponse(UUID uuid, String username, String courseKey, String certificateType,
                          CredentialStatus status, Instant modified) {

    static CredentialResponse of(CourseRunCredential credential) {
        return new CredentialResponse(credential.uuid(), credential.username(), credential.courseKey(),
                credential.certificateType(), credential.status(), credential.modified());
    }
}
