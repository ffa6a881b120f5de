package org.openedx.suite.lms.learner;

import org.openedx.suite.lms.user.User;

public record CertificateResponse(String courseKey, String username, String mode, String grade, String status,
                       String downloadUrl) {

    static CertificateResponse of(Certificate certificate, User user) {
        return new CertificateResponse(certificate.courseKey(), user.username(), certificate.mode(), certificate.grade(),
                certificate.status(), certificate.downloadUrl());
    }
}
