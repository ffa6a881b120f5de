package org.openedx.suite.outbound;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** A minimal service with one purpose: it writes each outcome into a table, in the transaction that records it. */
@SpringBootApplication
class OutboundTestApplication {

    static final String PURPOSE = "test-call";

    @Bean
    RecordingPurpose recordingPurpose(JdbcTemplate jdbc) {
        jdbc.execute("CREATE TABLE IF NOT EXISTS call_outcome (delivery_id UUID, outcome TEXT, detail TEXT)");
        return new RecordingPurpose(jdbc);
    }

    static final class RecordingPurpose implements OutboundPurpose {
        private final JdbcTemplate jdbc;
        final List<UUID> attemptsFailed = new CopyOnWriteArrayList<>();

        RecordingPurpose(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public String name() {
            return PURPOSE;
        }

        @Override
        public java.util.Map<String, String> headers(OutboundDelivery delivery, java.time.Instant sentAt) {
            return java.util.Map.of("X-Purpose", PURPOSE, "X-Reference", delivery.reference());
        }

        @Override
        public void delivered(OutboundDelivery delivery, int status, String responseBody) {
            jdbc.update("INSERT INTO call_outcome VALUES (?, 'delivered', ?)", delivery.id(), responseBody);
        }

        @Override
        public void attemptFailed(OutboundDelivery delivery, String reason) {
            attemptsFailed.add(delivery.id());
        }

        @Override
        public void failed(OutboundDelivery delivery, String reason) {
            jdbc.update("INSERT INTO call_outcome VALUES (?, 'failed', ?)", delivery.id(), reason);
        }
    }
}
