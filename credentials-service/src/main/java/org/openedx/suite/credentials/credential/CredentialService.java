package org.openedx.suite.credentials.credential;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.credentials.learner.Learners;
import org.openedx.suite.eventbus.EntityVersions;
import org.openedx.suite.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Awards and revokes learners' course-run credentials as their certificates change in the LMS. */
@Service
class CredentialService {

    private static final String ENTITY = "credential";
    /** Audit enrollments earn no certificate worth a credential. */
    private static final String AUDIT = "audit";
    private static final String DOWNLOADABLE = "downloadable";

    private final CourseRunCredentialRepository credentials;
    private final Learners learners;
    private final EntityVersions versions;

    CredentialService(CourseRunCredentialRepository credentials, Learners learners, EntityVersions versions) {
        this.credentials = credentials;
        this.learners = learners;
        this.versions = versions;
    }

    /**
     * Applies a certificate event unless a newer one for the same learner and course run was applied already, so
     * that events arriving late or out of order still leave the credential as the newest event says. A credential
     * is created on the first event that concerns it, whichever that is.
     */
    @Transactional
    void apply(CertificateChange change, CertificateData certificate, EventMetadata event) {
        String username = certificate.user().pii().username();
        String courseKey = certificate.course().courseKey();
        String mode = certificate.mode();
        boolean audit = AUDIT.equals(mode);
        // an audit certificate never earns a credential, but losing it still takes away one earned in another mode
        if (audit && (change != CertificateChange.REVOKED
                || credentials.findByUsernameAndCourseKey(username, courseKey).isEmpty())) {
            return;
        }
        learners.record(certificate.user(), event);
        if (!versions.advance(ENTITY, username + "|" + courseKey, event)) {
            return;
        }
        Instant at = EventTimes.truncate(event.time());
        Optional<CourseRunCredential> found = credentials.findByUsernameAndCourseKey(username, courseKey);
        if (found.isEmpty()) {
            firstSeen(change, certificate, at).ifPresent(credentials::save);
            return;
        }
        CourseRunCredential credential = found.get();
        switch (change) {
            case CREATED -> credential.award(mode, at);
            case CHANGED -> credential.change(mode, at);
            case REVOKED -> credential.revoke(audit ? credential.certificateType() : mode, at);
        }
    }

    /**
     * The credential as the newest event describes it when nothing came before (earlier events may still arrive,
     * and will be ignored as older). A change says nothing about an award, so the certificate's own status decides.
     */
    private static Optional<CourseRunCredential> firstSeen(CertificateChange change, CertificateData certificate,
                                                           Instant at) {
        CredentialStatus status = switch (change) {
            case CREATED -> CredentialStatus.AWARDED;
            case REVOKED -> CredentialStatus.REVOKED;
            case CHANGED -> DOWNLOADABLE.equals(certificate.currentStatus()) ? CredentialStatus.AWARDED : null;
        };
        return Optional.ofNullable(status).map(s -> new CourseRunCredential(certificate.user().pii().username(),
                certificate.course().courseKey(), certificate.mode(), s, at));
    }

    @Transactional(readOnly = true)
    List<CredentialResponse> ofLearner(String username, @Nullable String courseKey) {
        return credentials.findByUsernameOrderByCourseKey(username).stream()
                .filter(credential -> courseKey == null || credential.courseKey().equals(courseKey))
                .map(CredentialResponse::of)
                .toList();
    }

    @Transactional(readOnly = true)
    CredentialResponse get(UUID uuid) {
        return credentials.findByUuid(uuid).map(CredentialResponse::of)
                .orElseThrow(() -> ApiException.notFound("no credential " + uuid));
    }
}
