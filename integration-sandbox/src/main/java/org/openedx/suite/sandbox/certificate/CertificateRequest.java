package org.openedx.suite.sandbox.certificate;

import java.time.Instant;

import org.openedx.suite.sandbox.web.JsonBody;

/** {@code {reference, template_id, username, name?, email?, course_key, course_name?, mode, grade?}}. */
record CertificateRequest(String reference, String templateId, String username, String name, String email,
                          String courseKey, String courseName, String mode, String grade) {

    /** Reads the body, refusing it with the name of the first field that is missing or of the wrong type. */
    static CertificateRequest of(JsonBody body) {
        return new CertificateRequest(body.text("reference"), body.text("template_id"), body.text("username"),
                body.optionalText("name").orElse(null), body.optionalText("email").orElse(null),
                body.text("course_key"), body.optionalText("course_name").orElse(null), body.text("mode"),
                body.optionalScalar("grade").orElse(null));
    }

    Certificate toCertificate(String id, String url, Instant now) {
        return new Certificate(id, reference, url, Status.GENERATED, templateId, username, name, email, courseKey,
                courseName, mode, grade, now, null);
    }
}
