package org.openedx.suite.eventbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.testsupport.RealInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/** Newest wins, decided in memory under locks by a transaction's versions, against the real table. */
@SpringBootTest
@ContextConfiguration(initializers = RealInfrastructure.class)
class EntityVersionsTest {

    private static final Instant NOON = Instant.parse("2026-11-25T12:00:00Z");

    @Autowired TransactionTemplate transactions;
    @Autowired JdbcTemplate jdbc;

    @Test
    void locked_versions_decide_in_order_and_are_stored_when_the_transaction_commits() {
        String key = UUID.randomUUID().toString();
        EventMetadata newer = event(NOON.plusSeconds(10));

        List<Boolean> decisions = inOneTransaction(versions -> {
            EntityVersions.Locked locked = versions.lock("thing", List.of(key));
            return List.of(locked.advance(key, event(NOON)), locked.advance(key, newer),
                    locked.advance(key, event(NOON.plusSeconds(5))), locked.advance(key, event(NOON.plusSeconds(10))));
        });

        assertThat(decisions).containsExactly(true, true, false, true);
        assertThat(storedTime(key)).isEqualTo(NOON.plusSeconds(10));
        // the next transaction sees what this one stored
        Boolean older = inOneTransaction(versions -> advance(versions, key, event(NOON.plusSeconds(9))));
        assertThat(older).isFalse();
    }

    @Test
    void locking_again_in_the_same_transaction_sees_what_was_decided_before_it_was_stored() {
        // what happens when the event bus applies a poll one event at a time, each locking on its own, in one transaction
        String key = UUID.randomUUID().toString();

        List<Boolean> decisions = inOneTransaction(versions -> List.of(
                versions.lock("thing", List.of(key)).advance(key, event(NOON.plusSeconds(10))),
                versions.lock("thing", List.of(key)).advance(key, event(NOON)),
                advance(versions, key, event(NOON.plusSeconds(5)))));

        assertThat(decisions).containsExactly(true, false, false);
        assertThat(storedTime(key)).isEqualTo(NOON.plusSeconds(10));
    }

    @Test
    void an_entity_locked_but_never_advanced_leaves_no_version_behind() {
        String key = UUID.randomUUID().toString();

        inOneTransaction(versions -> versions.lock("thing", List.of(key)));

        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_bus.entity_version WHERE entity_key = ?",
                Integer.class, key)).isZero();
        Boolean anyEvent = inOneTransaction(versions -> advance(versions, key, event(NOON.minusSeconds(3600))));
        assertThat(anyEvent).as("the entity has no version, so any event applies").isTrue();
    }

    @Test
    void a_rolled_back_transaction_stores_nothing() {
        String key = UUID.randomUUID().toString();

        transactions.executeWithoutResult(status -> {
            EntityVersions versions = new EntityVersions(jdbc);
            versions.lock("thing", List.of(key)).advance(key, event(NOON));
            versions.store();
            status.setRollbackOnly();
        });

        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_bus.entity_version WHERE entity_key = ?",
                Integer.class, key)).isZero();
    }

    @Test
    void only_locked_entities_can_be_advanced_and_only_inside_a_transaction() {
        assertThatThrownBy(() -> inOneTransaction(versions ->
                versions.lock("thing", List.of("a")).advance("b", event(NOON))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was not locked");
        assertThatThrownBy(() -> new EntityVersions(jdbc).lock("thing", List.of("a")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("inside the transaction");
    }

    /** What the event bus does around a handler: one set of versions for the transaction, stored before commit. */
    private <R> R inOneTransaction(Function<EntityVersions, R> work) {
        return transactions.execute(status -> {
            EntityVersions versions = new EntityVersions(jdbc);
            R result = work.apply(versions);
            versions.store();
            return result;
        });
    }

    private static boolean advance(EntityVersions versions, String key, EventMetadata event) {
        return versions.lock("thing", List.of(key)).advance(key, event);
    }

    private Instant storedTime(String key) {
        return jdbc.queryForObject("SELECT event_time FROM event_bus.entity_version WHERE entity_key = ?",
                OffsetDateTime.class, key).toInstant();
    }

    private static EventMetadata event(Instant time) {
        return EventMetadata.of(UUID.randomUUID(), OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED.name(), "cms", time,
                "test-host");
    }
}
