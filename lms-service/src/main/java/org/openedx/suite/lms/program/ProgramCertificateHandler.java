package org.openedx.suite.lms.program;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.ProgramCertificateData;
import org.openedx.suite.contracts.ProgramCertificateEvent;
import org.openedx.suite.eventbus.EventHandler;
import org.openedx.suite.eventbus.InboundEvent;
import org.openedx.suite.eventbus.InboundEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps learners' program records from credentials' program certificate events (awarded, revoked): per learner and
 * program the newest event wins, so a revocation that overtook its award stays a revocation.
 */
@Component
class ProgramCertificateHandler implements EventHandler<ProgramCertificateEvent> {

    static final String ENTITY = "program-certificate";

    private static final String UPSERT = """
            INSERT INTO program_certificate (program_uuid, user_id, username, certificate_uuid, program_title,
                                             program_type, status, url, modified)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (program_uuid, user_id) DO UPDATE SET username = EXCLUDED.username,
                certificate_uuid = EXCLUDED.certificate_uuid, program_title = EXCLUDED.program_title,
                program_type = EXCLUDED.program_type, status = EXCLUDED.status, url = EXCLUDED.url,
                modified = EXCLUDED.modified
            """;

    private final JdbcTemplate jdbc;

    ProgramCertificateHandler(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void apply(InboundEvents<ProgramCertificateEvent> events) {
        List<InboundEvent<ProgramCertificateEvent>> newest = events.newest(ENTITY, ProgramCertificateHandler::entityKey);
        jdbc.batchUpdate(UPSERT, newest.stream().map(event -> {
            ProgramCertificateData certificate = event.payload().programCertificate();
            return new Object[] {UUID.fromString(certificate.program().uuid()), certificate.user().id(),
                    certificate.user().pii().username(), UUID.fromString(certificate.uuid()),
                    certificate.program().title(), certificate.program().programType(), certificate.status(),
                    certificate.url(), Timestamp.from(EventTimes.truncate(event.metadata().time()))};
        }).toList());
    }

    private static String entityKey(ProgramCertificateEvent event) {
        ProgramCertificateData certificate = event.programCertificate();
        return certificate.program().uuid() + "|" + certificate.user().id();
    }
}
