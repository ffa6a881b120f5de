package org.openedx.suite.eventbus;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an operator watches: the outbox backlog (how many events wait, how old the oldest is), dead letters, and how
 * many events were published, applied and dropped as duplicates. As metrics and as details of {@code /actuator/health}.
 * <p>
 * The service stays UP while Kafka is down: it keeps accepting changes into the outbox, which is the point of having
 * one. The backlog in the details shows the delay.
 */
final class EventBusObservability extends AbstractHealthIndicator {

    private final JdbcTemplate jdbc;
    private final DeadLetters deadLetters;
    private final OutboxRelay relay;
    private final InboundEventDispatcher dispatcher;

    EventBusObservability(JdbcTemplate jdbc, DeadLetters deadLetters, OutboxRelay relay,
                          InboundEventDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
        this.relay = relay;
        this.dispatcher = dispatcher;
    }

    void bindTo(MeterRegistry registry) {
        Gauge.builder("event_bus.outbox.pending", this, o -> o.backlog().pending())
                .description("events written to the outbox and not yet acknowledged by Kafka").register(registry);
        Gauge.builder("event_bus.outbox.oldest.age", this, o -> o.backlog().oldestAge().toMillis() / 1000.0)
                .baseUnit("seconds").description("age of the oldest event waiting in the outbox").register(registry);
        Gauge.builder("event_bus.dead_letters.pending", deadLetters, DeadLetters::pendingCount)
                .description("dead letters not replayed yet").register(registry);
        FunctionCounter.builder("event_bus.outbox.published", relay, OutboxRelay::publishedCount)
                .description("events the relay published").register(registry);
        FunctionCounter.builder("event_bus.events.applied", dispatcher, InboundEventDispatcher::appliedCount)
                .description("consumed events applied").register(registry);
        FunctionCounter.builder("event_bus.events.duplicates", dispatcher, InboundEventDispatcher::duplicateCount)
                .description("redelivered events dropped by ce_id").register(registry);
        FunctionCounter.builder("event_bus.polls.applied_one_by_one", dispatcher,
                        InboundEventDispatcher::pollsAppliedOneByOneCount)
                .description("polls that failed as a whole and were applied one event at a time").register(registry);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Backlog backlog = backlog();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("outbox_pending", backlog.pending());
        details.put("outbox_oldest_age_seconds", backlog.oldestAge().toSeconds());
        details.put("outbox_published", relay.publishedCount());
        details.put("relay_failing_since", relay.failingSince() == null ? null : relay.failingSince().toString());
        details.put("dead_letters_pending", deadLetters.pendingCount());
        details.put("events_applied", dispatcher.appliedCount());
        details.put("events_duplicates_dropped", dispatcher.duplicateCount());
        builder.up().withDetails(details);
    }

    Backlog backlog() {
        return jdbc.queryForObject("SELECT count(*), min(created_at) FROM event_bus.outbox", (rs, row) -> {
            var oldest = rs.getTimestamp(2);
            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest.toInstant(), Instant.now());
            return new Backlog(rs.getLong(1), age.isNegative() ? Duration.ZERO : age);
        });
    }

    record Backlog(long pending, Duration oldestAge) {
    }
}
