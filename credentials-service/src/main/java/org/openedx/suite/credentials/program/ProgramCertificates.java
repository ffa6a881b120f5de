package org.openedx.suite.credentials.program;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.contracts.ProgramCertificateData;
import org.openedx.suite.contracts.ProgramCertificateEvent;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.credentials.credential.CredentialHoldings;
import org.openedx.suite.credentials.credential.CredentialsChanged;
import org.openedx.suite.credentials.learner.Learners;
import org.openedx.suite.eventbus.EventPublisher;
import org.openedx.suite.eventbus.ProducedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Program certificates follow course credentials (Open edX's "Program Certificate Sync"): a learner who holds an
 * awarded credential for every course run of a program is awarded its certificate, and loses it when one of those
 * credentials is revoked; each change is announced on {@code learning-program-certificate-lifecycle}. Decided in the
 * transaction that changed the credentials, so a certificate and its announcement commit with its cause.
 */
@Service
class ProgramCertificates {

    private final ProgramRepository programs;
    private final ProgramCertificateRepository certificates;
    private final CredentialHoldings holdings;
    private final Learners learners;
    private final EventPublisher events;

    ProgramCertificates(ProgramRepository programs, ProgramCertificateRepository certificates,
                        CredentialHoldings holdings, Learners learners, EventPublisher events) {
        this.programs = programs;
        this.certificates = certificates;
        this.holdings = holdings;
        this.learners = learners;
        this.events = events;
    }

    /** The programs of the changed course runs, decided again for the learners whose credentials changed. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void follow(CredentialsChanged changed) {
        Set<String> courseKeys = new HashSet<>();
        changed.courseKeysByLearner().values().forEach(courseKeys::addAll);
        List<Program> affected = programs.requiringAnyOf(courseKeys.toArray(String[]::new));
        if (affected.isEmpty()) {
            return;
        }
        Set<String> usernames = changed.courseKeysByLearner().keySet();
        decide(affected, usernames, username -> changed.timeByLearner().get(username),
                (username, program) -> program.courseKeys().stream()
                        .anyMatch(changed.courseKeysByLearner().get(username)::contains));
    }

    /** A new program: those who already hold every credential of it are awarded its certificate now. */
    @Transactional(propagation = Propagation.MANDATORY)
    void reconcile(Program program, Instant at) {
        Set<String> holders = holdings.holdersOfAll(program.courseKeys());
        if (!holders.isEmpty()) {
            decide(List.of(program), holders, username -> at, (username, p) -> true);
        }
    }

    private void decide(List<Program> affected, Collection<String> usernames, TimeOf timeOf, Concerns concerns) {
        Set<String> allCourseKeys = new HashSet<>();
        affected.forEach(program -> allCourseKeys.addAll(program.courseKeys()));
        Map<String, Set<String>> held = holdings.awarded(usernames, allCourseKeys);
        Map<String, ProgramCertificate> existing = new HashMap<>();
        for (ProgramCertificate certificate : certificates.findOf(usernames,
                affected.stream().map(Program::uuid).toList())) {
            existing.put(key(certificate.programUuid(), certificate.username()), certificate);
        }
        Map<String, UserData> users = learners.usersByName(usernames);
        for (String username : usernames) {
            for (Program program : affected) {
                if (!concerns.test(username, program)) {
                    continue;
                }
                boolean holdsAll = held.getOrDefault(username, Set.of()).containsAll(program.courseKeys());
                ProgramCertificate certificate = existing.get(key(program.uuid(), username));
                if (holdsAll && (certificate == null || !certificate.awarded())) {
                    Instant at = after(certificate, timeOf.of(username));
                    if (certificate == null) {
                        certificate = certificates.save(new ProgramCertificate(program.uuid(), username, at));
                    } else {
                        certificate.award(at);
                    }
                    announce(OpenEdxEvents.PROGRAM_CERTIFICATE_AWARDED, certificate, program, users.get(username));
                } else if (!holdsAll && certificate != null && certificate.awarded()) {
                    certificate.revoke(after(certificate, timeOf.of(username)));
                    announce(OpenEdxEvents.PROGRAM_CERTIFICATE_REVOKED, certificate, program, users.get(username));
                }
            }
        }
    }

    /**
     * A certificate's changes are announced in the order they are made: newest-wins downstream compares their times,
     * and the credential behind a change may carry an older time than the one behind the change before it.
     */
    private static Instant after(ProgramCertificate certificate, Instant wanted) {
        if (certificate == null || wanted.isAfter(certificate.modified())) {
            return wanted;
        }
        return certificate.modified().plus(1, ChronoUnit.MICROS);
    }

    private void announce(EventType<ProgramCertificateEvent> type, ProgramCertificate certificate, Program program,
                          UserData user) {
        events.publish(type, new ProgramCertificateEvent(new ProgramCertificateData(user,
                new ProgramCertificateData.ProgramData(program.uuid().toString(), program.title(), program.type()),
                certificate.uuid().toString(), certificate.status(), "/credentials/" + certificate.uuid(), null)),
                certificate.modified());
    }

    private static String key(UUID program, String username) {
        return program + "|" + username;
    }

    @FunctionalInterface
    private interface TimeOf {
        Instant of(String username);
    }

    @FunctionalInterface
    private interface Concerns {
        boolean test(String username, Program program);
    }

    /** What the program feature announces. */
    @Configuration(proxyBeanMethods = false)
    static class Produced {

        @Bean
        ProducedEvents programCertificateEvents() {
            return ProducedEvents.of(OpenEdxEvents.PROGRAM_CERTIFICATE_AWARDED,
                    OpenEdxEvents.PROGRAM_CERTIFICATE_REVOKED);
        }
    }
}
