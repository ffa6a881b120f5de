package org.openedx.suite.insights.lrs;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openedx.suite.eventbus.ArrayParameters;
import org.openedx.suite.insights.InsightsSettings;
import org.openedx.suite.insights.statement.Statement;
import org.openedx.suite.insights.statement.XapiStatements;
import org.openedx.suite.outbound.OutboundDeliveries;
import org.openedx.suite.outbound.OutboundDelivery;
import org.openedx.suite.outbound.OutboundPurpose;
import org.openedx.suite.outbound.OutboundRequest;
import org.openedx.suite.outbound.OutboundUrlPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Forwards each new statement to the external LRS when {@code INSIGHTS_LRS_URL} is set, as a durable outbound call
 * (ADR 9) written in the consumer's transaction: {@code PUT <url>/statements?statementId=<id>} with the statement,
 * {@code X-Experience-API-Version: 1.0.3} and HTTP basic authentication. A learner's statements go one after the
 * other (ordering key: the actor). 2xx delivers; 409, the LRS already holding that id (a repeat after a lost answer),
 * counts as delivered too; any other 4xx fails; 5xx and timeouts are retried by outbound-delivery. Each statement's
 * forwarding, as its last answer left it, is in {@code lrs_forwarding}.
 */
@Component
public class LrsForwarding implements OutboundPurpose {

    static final String PURPOSE = "lrs-statement";

    private static final Logger log = LoggerFactory.getLogger(LrsForwarding.class);

    private final InsightsSettings.Lrs lrs;
    private final OutboundDeliveries deliveries;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    LrsForwarding(InsightsSettings settings, OutboundDeliveries deliveries, OutboundUrlPolicy policy,
                  JdbcTemplate jdbc, JsonMapper json) {
        this.lrs = settings.lrs();
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.json = json;
        if (lrs.enabled()) {
            policy.refusal(statementsUrl(UUID.randomUUID())).ifPresent(reason -> log.warn(
                    "INSIGHTS_LRS_URL {} {}: forwarded statements will fail (see OUTBOUND_ALLOWED_HOSTS)",
                    lrs.url(), reason));
        }
    }

    @Override
    public String name() {
        return PURPOSE;
    }

    /** Writes the calls that forward these statements, in the caller's transaction; nothing when no LRS is set. */
    @Transactional
    public void enqueue(List<Statement> statements) {
        if (!lrs.enabled() || statements.isEmpty()) {
            return;
        }
        for (Statement statement : statements) {
            deliveries.enqueue(new OutboundRequest(PURPOSE, statement.id().toString(), statement.actor(), "PUT",
                    statementsUrl(statement.id()), json.writeValueAsString(statement.json())));
        }
        jdbc.update("""
                INSERT INTO lrs_forwarding (statement_id, status, updated_at)
                SELECT id, 'pending', now() FROM unnest(?::uuid[]) AS id ON CONFLICT DO NOTHING""",
                new ArrayParameters().uuids(statements, Statement::id));
    }

    @Override
    public Map<String, String> headers(OutboundDelivery delivery, Instant sentAt) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Experience-API-Version", XapiStatements.VERSION);
        if (!lrs.username().isBlank()) {
            headers.put("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (lrs.username() + ":" + lrs.password()).getBytes(StandardCharsets.UTF_8)));
        }
        return headers;
    }

    /** The LRS already holds a statement with that id: the repeat of a call whose answer was lost. */
    @Override
    public boolean alreadyHeld(int status) {
        return status == HttpStatus.CONFLICT.value();
    }

    @Override
    public void delivered(OutboundDelivery delivery, int status, String responseBody) {
        record(delivery, "delivered", alreadyHeld(status) ? "the LRS already held it (409)" : null);
    }

    @Override
    public void attemptFailed(OutboundDelivery delivery, String reason) {
        record(delivery, "pending", reason);
    }

    @Override
    public void failed(OutboundDelivery delivery, String reason) {
        record(delivery, "failed", reason);
    }

    /** How a statement's forwarding stands: {@code pending}, {@code delivered}, {@code failed}; empty if never sent. */
    Optional<Forwarding> forwarding(UUID statementId) {
        return jdbc.query("SELECT status, http_status, reason FROM lrs_forwarding WHERE statement_id = ?",
                (rs, n) -> new Forwarding(rs.getString(1), (Integer) rs.getObject(2), rs.getString(3)), statementId)
                .stream().findFirst();
    }

    private void record(OutboundDelivery delivery, String status, String reason) {
        jdbc.update("""
                UPDATE lrs_forwarding SET status = ?, http_status = ?, reason = ?, updated_at = now()
                 WHERE statement_id = ?""", status, delivery.lastStatus(), reason,
                UUID.fromString(delivery.reference()));
    }

    private URI statementsUrl(UUID statementId) {
        String base = lrs.url().endsWith("/") ? lrs.url().substring(0, lrs.url().length() - 1) : lrs.url();
        return URI.create(base + "/statements?statementId=" + statementId);
    }

    record Forwarding(String status, Integer httpStatus, String reason) {
    }
}
