package org.openedx.suite.credentials.credential;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import org.jspecify.annotations.Nullable;
import org.openedx.suite.contracts.CertificateData;
import org.openedx.suite.contracts.CertificateEvent;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.credentials.learner.Learners;
import org.openedx.suite.eventbus.EntityVersions;
import org.openedx.suite.eventbus.InboundEvent;
import org.openedx.suite.eventbus.InboundEvents;
import org.openedx.suite.eventbus.LoadedRows;
import org.openedx.suite.web.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Awards and revokes learners' course-run credentials as their certificates change in the LMS. */
@Service
class Credentials {

    private static final String ENTITY = "credential";
    /** Audit enrollments earn no certificate worth a credential. */
    private static final String AUDIT = "audit";
    private static final String DOWNLOADABLE = "downloadable";

    private final CourseRunCredentialRepository credentials;
    private final Learners learners;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher publisher;

    Credentials(CourseRunCredentialRepository credentials, Learners learners, EntityManager entityManager,
                ApplicationEventPublisher publisher) {
        this.credentials = credentials;
        this.learners = learners;
        this.entityManager = entityManager;
        this.publisher = publisher;
    }

    /**
     * Applies certificate events in the order given, each unless a newer one for the same learner and course run
     * was applied already, so that events arriving late or out of order still leave the credential as the newest
     * event says. A credential is created on the first event that concerns it, whichever that is.
     * <p>
     * Whatever the number of events, it reads before it applies the first (the versions, credentials and learners
     * the events concern), applies them in memory, and writes at the flush, in JDBC batches.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void apply(InboundEvents<CertificateEvent> events) {
        List<InboundEvent<CertificateEvent>> applicable = events.all().stream()
                .filter(event -> !ignoredAsAudit(event.metadata(), event.payload().certificate(), true))
                .toList();
        if (applicable.isEmpty()) {
            return;
        }
        Set<CredentialKey> keys = new LinkedHashSet<>();
        Set<String> usernames = new TreeSet<>();
        for (InboundEvent<CertificateEvent> event : applicable) {
            keys.add(CredentialKey.of(event.payload().certificate()));
            usernames.add(event.payload().certificate().user().pii().username());
        }
        EntityVersions.Locked newest = events.lock(ENTITY, keys.stream().map(CredentialKey::entityKey).toList());
        // a query: Hibernate flushes first, so it also finds what an earlier call of the transaction created
        LoadedRows<CredentialKey, CourseRunCredential> known = LoadedRows.of(entityManager, credentials.findAllOf(
                        keys.stream().map(CredentialKey::username).toArray(String[]::new),
                        keys.stream().map(CredentialKey::courseKey).toArray(String[]::new)),
                CredentialKey::of);
        Learners.Recorder learnersOfEvents = learners.recorder(events, usernames);
        Map<String, Set<String>> changed = new LinkedHashMap<>();
        Map<String, Instant> times = new HashMap<>();
        for (InboundEvent<CertificateEvent> event : applicable) {
            if (apply(event.payload().certificate(), event.metadata(), newest, known, learnersOfEvents)) {
                CredentialKey key = CredentialKey.of(event.payload().certificate());
                changed.computeIfAbsent(key.username(), u -> new TreeSet<>()).add(key.courseKey());
                times.merge(key.username(), EventTimes.truncate(event.metadata().time()),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (!changed.isEmpty()) {
            publisher.publishEvent(new CredentialsChanged(changed, times));
        }
    }

    /**
     * One event, in memory: the learner it describes, then (newest wins) the credential it awards or revokes.
     *
     * @return whether the event was applied to the credential (it may have changed whether it is awarded)
     */
    private static boolean apply(CertificateData certificate, EventMetadata event, EntityVersions.Locked newest,
                                 LoadedRows<CredentialKey, CourseRunCredential> known, Learners.Recorder learners) {
        CredentialKey key = CredentialKey.of(certificate);
        Optional<CourseRunCredential> credential = known.find(key);
        // whether a credential exists may have been decided by an event earlier in the batch
        if (ignoredAsAudit(event, certificate, credential.isPresent())) {
            return false;
        }
        // the learner first: the flush inserts in the order rows were created, and a credential refers to its learner
        learners.record(certificate.user(), event);
        if (!newest.advance(key.entityKey(), event)) {
            return false;
        }
        Instant at = EventTimes.truncate(event.time());
        CertificateChange change = CertificateChange.of(event.type());
        if (credential.isEmpty()) {
            firstSeen(change, certificate, at).ifPresent(first -> known.findOrCreate(key, () -> first));
            return true;
        }
        String mode = certificate.mode();
        switch (change) {
            case CREATED -> credential.get().award(mode, at);
            case CHANGED -> credential.get().change(mode, at);
            case REVOKED -> credential.get().revoke(AUDIT.equals(mode) ? credential.get().certificateType() : mode, at);
        }
        return true;
    }

    /**
     * An audit certificate never earns a credential, but losing it still takes away one earned in another mode.
     *
     * @param credentialExists whether the learner holds a credential for the course run, awarded or revoked
     */
    private static boolean ignoredAsAudit(EventMetadata event, CertificateData certificate,
                                          boolean credentialExists) {
        return AUDIT.equals(certificate.mode())
                && (CertificateChange.of(event.type()) != CertificateChange.REVOKED || !credentialExists);
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

    /** A learner's course run: what a credential is for, and what newest-wins orders events by. */
    private record CredentialKey(String username, String courseKey) {

        static CredentialKey of(CertificateData certificate) {
            return new CredentialKey(certificate.user().pii().username(), certificate.course().courseKey());
        }

        static CredentialKey of(CourseRunCredential credential) {
            return new CredentialKey(credential.username(), credential.courseKey());
        }

        String entityKey() {
            return username + "|" + courseKey;
        }
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
