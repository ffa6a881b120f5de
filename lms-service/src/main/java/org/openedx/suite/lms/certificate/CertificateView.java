package org.openedx.suite.lms.certificate;

import org.openedx.suite.lms.user.User;

record CertificateView(String courseKey, String username, String mode, String grade, String status,
                       String downloadUrl) {

    static CertificateView of(Certificate certificate, User user) {
        return new CertificateView(certificate.courseKey(), user.username(), certificate.mode(), certificate.grade(),
                certificate.status(), certificate.downloadUrl());
    }
}
