package org.openedx.suite.outbound;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The delivery log in {@code outbound.delivery}, reached with plain JDBC inside the caller's transaction. */
final class JdbcOutboundDeliveries implements OutboundDeliveries {

    static final String COLUMNS = """
            id, delivery_id, purpose, reference, ordering_key, method, url, body, status, attempts, created_at,
            next_attempt_at, completed_at, last_status, last_error, response_body""";

    static final RowMapper<OutboundDelivery> ROW = JdbcOutboundDeliveries::delivery;

    private final JdbcTemplate jdbc;
    private final Supplier<Set<String>> purposes;
    private volatile Set<String> knownPurposes;
    private final TransactionSynchronization wakeWorkerOnCommit;

    JdbcOutboundDeliveries(JdbcTemplate jdbc, Supplier<Set<String>> purposes, Runnable wakeWorker) {
        this.jdbc = jdbc;
        this.purposes = purposes;
        this.wakeWorkerOnCommit = new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeWorker.run();
            }
        };
    }

    @Override
    public UUID enqueue(OutboundRequest request) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an outbound call to " + request.url()
                    + " must be written in the transaction of the change that causes it");
        }
        if (knownPurposes == null) {
            knownPurposes = Set.copyOf(purposes.get());
        }
        if (!knownPurposes.contains(request.purpose())) {
            throw new IllegalStateException("no OutboundPurpose bean serves purpose " + request.purpose());
        }
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO outbound.delivery
                    (delivery_id, purpose, reference, ordering_key, destination, method, url, content_type, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, id, request.purpose(), request.reference(), request.orderingKey(), request.destination(),
                request.method(), request.url().toString(), OutboundRequest.JSON, request.body());
        TransactionSynchronizationManager.registerSynchronization(wakeWorkerOnCommit);
        return id;
    }

    @Override
    public Optional<OutboundDelivery> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbound.delivery WHERE delivery_id = ?", ROW, id)
                .stream().findFirst();
    }

    @Override
    public List<OutboundDelivery> ofReference(String purpose, String reference, int limit) {
        return jdbc.query("SELECT " + COLUMNS + """
                 FROM outbound.delivery WHERE purpose = ? AND reference = ? ORDER BY id DESC LIMIT ?
                """, ROW, purpose, reference, limit);
    }

    @Override
    public List<OutboundDelivery> withStatus(OutboundDelivery.Status status, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM outbound.delivery WHERE status = ? ORDER BY id DESC LIMIT ?",
                ROW, status.column(), limit);
    }

    @Override
    public List<DeliveryAttempt> attempts(UUID id) {
        return jdbc.query("""
                SELECT a.attempt, a.started_at, a.latency_ms, a.http_status, a.outcome, a.error, a.response_excerpt
                  FROM outbound.delivery_attempt a JOIN outbound.delivery d ON d.id = a.delivery
                 WHERE d.delivery_id = ? ORDER BY a.attempt
                """, (rs, n) -> new DeliveryAttempt(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getInt(3),
                (Integer) rs.getObject(4), rs.getString(5), rs.getString(6), rs.getString(7)), id);
    }

    @Override
    public boolean redeliver(UUID id) {
        int changed = jdbc.update("""
                UPDATE outbound.delivery
                   SET status = 'pending', next_attempt_at = now(), retry_from = now(), completed_at = NULL
                 WHERE delivery_id = ? AND status <> 'pending'
                """, id);
        if (changed > 0) {
            registerWakeUp();
            return true;
        }
        return find(id).isPresent();
    }

    @Override
    public int failPending(String purpose, String reference, String reason) {
        return jdbc.update("""
                UPDATE outbound.delivery SET status = 'failed', completed_at = now(), last_error = ?
                 WHERE purpose = ? AND reference = ? AND status = 'pending'
                """, reason, purpose, reference);
    }

    @Override
    public Backlog backlog() {
        return jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE status = 'pending'),
                       count(*) FILTER (WHERE status = 'failed'),
                       coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'pending')), 0)
                  FROM outbound.delivery
                """, (rs, n) -> new Backlog(rs.getLong(1), rs.getLong(2), rs.getDouble(3)));
    }

    private void registerWakeUp() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(wakeWorkerOnCommit);
        } else {
            wakeWorkerOnCommit.afterCommit();
        }
    }

    static OutboundDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new OutboundDelivery(rs.getObject("delivery_id", UUID.class), rs.getString("purpose"),
                rs.getString("reference"), rs.getString("ordering_key"), rs.getString("method"),
                URI.create(rs.getString("url")), rs.getString("body"),
                OutboundDelivery.Status.ofColumn(rs.getString("status")), rs.getInt("attempts"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("completed_at")), (Integer) rs.getObject("last_status"),
                rs.getString("last_error"), rs.getString("response_body"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
