package org.openedx.suite.eventbus;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.openedx.suite.contracts.EventMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox events to Kafka, oldest first, and deletes them once Kafka has acknowledged them.
 * <p>
 * One relay per database works at a time (a transaction-scoped advisory lock), so events of one key leave in outbox
 * order even with several instances of a service. A round that fails (Kafka down, a timeout) rolls back and is tried
 * again with growing back-off, forever: events are never dropped. A round whose commit fails after Kafka took the
 * events sends them again; consumers drop the repeats by {@code ce_id}.
 */
final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    /** Any fixed number will do; it only has to be the same for every instance of a service. */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private static final String SELECT_BATCH = """
            SELECT id, event_id, event_type, topic, message_key, payload, event_time
              FROM event_bus.outbox ORDER BY id LIMIT ?
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final KafkaTemplate<byte[], byte[]> kafka;
    private final KafkaAdmin admin;
    private final EventBusProperties.Relay settings;
    private final String service;
    private final String sourceHost;

    private final Object wakeUp = new Object();
    private final AtomicLong published = new AtomicLong();
    private volatile boolean signalled;
    private volatile boolean running;
    private volatile boolean topicsReady;
    private volatile Instant failingSince;
    private Thread thread;

    OutboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, KafkaTemplate<byte[], byte[]> kafka,
                KafkaAdmin admin, EventBusProperties properties, String sourceHost) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.admin = admin;
        this.settings = properties.relay();
        this.service = properties.service();
        this.sourceHost = sourceHost;
    }

    /** Called after a transaction that wrote events commits, so that they leave at once instead of at the next poll. */
    void wakeUp() {
        synchronized (wakeUp) {
            signalled = true;
            wakeUp.notifyAll();
        }
    }

    long publishedCount() {
        return published.get();
    }

    /** When the relay started failing to publish (Kafka unreachable, ...); null while it works. */
    Instant failingSince() {
        return failingSince;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (thread != null) {
            try {
                thread.join(settings.sendTimeout().toMillis() + 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        int failures = 0;
        while (running) {
            try {
                ensureTopics();
                int sent = relayOnce();
                if (failures > 0) {
                    log.info("Outbox relay is publishing again after {} failed attempt(s)", failures);
                }
                failures = 0;
                failingSince = null;
                if (sent < settings.batchSize()) {
                    await(settings.pollInterval(), true);
                }
            } catch (RuntimeException e) {
                failures++;
                if (failingSince == null) {
                    failingSince = Instant.now();
                }
                Duration backoff = backoff(failures);
                // Kafka being down is an expected state to ride out; say so once in a while, not on every attempt
                if (failures == 1 || failures % 20 == 0) {
                    log.warn("Outbox relay could not publish (attempt {}), retrying every {} ms: {}", failures,
                            backoff.toMillis(), rootMessage(e));
                }
                await(backoff, false);
            }
        }
    }

    /** Publishes one batch of pending events; returns how many. */
    int relayOnce() {
        Integer sent = transactions.execute(status -> {
            Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK);
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<PendingEvent> batch = jdbc.query(SELECT_BATCH, OutboxRelay::pendingEvent, settings.batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            send(batch);
            Long[] ids = batch.stream().map(PendingEvent::id).toArray(Long[]::new);
            jdbc.update("DELETE FROM event_bus.outbox WHERE id = ANY (?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids)));
            return batch.size();
        });
        published.addAndGet(sent);
        return sent;
    }

    private void send(List<PendingEvent> batch) {
        List<CompletableFuture<?>> acks = new ArrayList<>(batch.size());
        for (PendingEvent event : batch) {
            acks.add(kafka.send(record(event)));
        }
        kafka.flush();
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge " + batch.size() + " events", e);
        }
    }

    private ProducerRecord<byte[], byte[]> record(PendingEvent event) {
        EventMetadata metadata = EventMetadata.of(event.eventId(), event.eventType(), service, event.eventTime(),
                sourceHost);
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(event.topic(),
                event.key().getBytes(StandardCharsets.UTF_8), event.payload().getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, String> header : metadata.toHeaders().entrySet()) {
            record.headers().add(new RecordHeader(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8)));
        }
        return record;
    }

    private void ensureTopics() {
        if (!topicsReady) {
            // KafkaAdmin already tried at start-up; this covers a broker that was down then
            topicsReady = admin.initialize();
            if (!topicsReady) {
                throw new IllegalStateException("topics could not be created yet");
            }
        }
    }

    private Duration backoff(int failures) {
        long millis = Math.min(settings.maxBackoff().toMillis(), 100L << Math.min(failures - 1, 16));
        return Duration.ofMillis(millis);
    }

    private void await(Duration timeout, boolean wakeOnSignal) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (wakeUp) {
            while (running) {
                if (wakeOnSignal && signalled) {
                    signalled = false;
                    return;
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                try {
                    wakeUp.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static PendingEvent pendingEvent(ResultSet rs, int row) throws SQLException {
        return new PendingEvent(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("event_type"),
                rs.getString("topic"), rs.getString("message_key"), rs.getString("payload"),
                rs.getTimestamp("event_time").toInstant());
    }

    private record PendingEvent(long id, UUID eventId, String eventType, String topic, String key, String payload,
                                Instant eventTime) {
    }
}
