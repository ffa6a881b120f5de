package org.openedx.suite.it.badinput;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * Everything the services have written, looked at from behind their backs: every row of every table of each service's
 * database (schemas {@code public} and {@code event_bus}: the domain, the outbox, consumed events, dead letters), and
 * the end offset of every partition of every topic. Rows are compared by content, so an update shows as well as an
 * insert or a delete.
 */
public final class WrittenState implements AutoCloseable {

    private final Map<SuiteService, Connection> databases = new EnumMap<>(SuiteService.class);
    private final Admin kafka;

    /**
     * What was written at one moment.
     *
     * @param rows    per table ({@code <database> <schema>.<table>}), a digest of each of its rows
     * @param offsets per partition ({@code <topic>-<partition>}), its end offset
     */
    public record Snapshot(Map<String, Set<String>> rows, Map<String, Long> offsets) {

        /** Rows inserted, updated or deleted since {@code before}: per table, the larger of rows gone and rows new. */
        public long rowsWrittenSince(Snapshot before) {
            long written = 0;
            Set<String> tables = new TreeSet<>(rows.keySet());
            tables.addAll(before.rows.keySet());
            for (String table : tables) {
                Set<String> now = rows.getOrDefault(table, Set.of());
                Set<String> then = before.rows.getOrDefault(table, Set.of());
                written += Math.max(minus(now, then).size(), minus(then, now).size());
            }
            return written;
        }

        /** Records appended to any partition since {@code before} (a transaction marker counts as one). */
        public long messagesSince(Snapshot before) {
            long published = 0;
            for (Map.Entry<String, Long> partition : offsets.entrySet()) {
                published += Math.max(0, partition.getValue() - before.offsets.getOrDefault(partition.getKey(), 0L));
            }
            return published;
        }

        /** What changed since {@code before}, table by table and partition by partition, for a failure message. */
        public String differencesSince(Snapshot before) {
            List<String> lines = new ArrayList<>();
            Set<String> tables = new TreeSet<>(rows.keySet());
            tables.addAll(before.rows.keySet());
            for (String table : tables) {
                Set<String> now = rows.getOrDefault(table, Set.of());
                Set<String> then = before.rows.getOrDefault(table, Set.of());
                if (!now.equals(then)) {
                    lines.add(table + ": " + then.size() + " -> " + now.size() + " rows (" + minus(now, then).size()
                            + " new or changed, " + minus(then, now).size() + " gone or changed)");
                }
            }
            Set<String> partitions = new TreeSet<>(offsets.keySet());
            partitions.addAll(before.offsets.keySet());
            for (String partition : partitions) {
                long now = offsets.getOrDefault(partition, 0L);
                long then = before.offsets.getOrDefault(partition, 0L);
                if (now != then) {
                    lines.add("topic " + partition + ": end offset " + then + " -> " + now);
                }
            }
            return lines.isEmpty() ? "nothing" : String.join("\n", lines);
        }

        private static Set<String> minus(Set<String> a, Set<String> b) {
            Set<String> difference = new HashSet<>(a);
            difference.removeAll(b);
            return difference;
        }
    }

    public WrittenState(Suite suite) {
        try {
            for (SuiteService service : SuiteService.values()) {
                databases.put(service, suite.postgres().connectAsSuperuser(service.database()));
            }
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("cannot connect to the services' databases", e);
        }
        Properties properties = new Properties();
        properties.putAll(suite.kafka().adminClientProperties());
        kafka = Admin.create(properties);
    }

    /**
     * Everything written, once it has stopped changing: the same in three looks a second apart, with every outbox
     * empty, so that events caused earlier have been published and consumed.
     */
    public Snapshot settled(Duration timeout) {
        AtomicReference<Snapshot> last = new AtomicReference<>(everything());
        AtomicInteger unchanged = new AtomicInteger();
        await().atMost(timeout).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Snapshot now = everything();
            if (!now.equals(last.getAndSet(now)) || outboxBacklog(now) > 0) {
                unchanged.set(0);
                return false;
            }
            return unchanged.incrementAndGet() >= 2;
        });
        return last.get();
    }

    public Snapshot everything() {
        Map<String, Set<String>> rows = new TreeMap<>();
        for (SuiteService service : SuiteService.values()) {
            rows.putAll(rowsOf(service));
        }
        return new Snapshot(rows, offsets());
    }

    /** The rows of one service's database: what a synchronous request to it could have written. */
    public Map<String, Set<String>> rowsOf(SuiteService service) {
        Connection connection = databases.get(service);
        Map<String, Set<String>> rows = new TreeMap<>();
        try (Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT format('%I.%I', table_schema, table_name) "
                    + "FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
                    + "AND table_schema IN ('public', 'event_bus') ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                Set<String> digests = new HashSet<>();
                try (ResultSet rs = statement.executeQuery("SELECT md5(t::text) FROM " + table + " t")) {
                    while (rs.next()) {
                        digests.add(rs.getString(1));
                    }
                }
                rows.put(service.database() + " " + table, digests);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the " + service.database() + " database", e);
        }
        return rows;
    }

    /** Rows still waiting in any service's outbox for the relay to publish them. */
    public long outboxBacklog(Snapshot snapshot) {
        return snapshot.rows().entrySet().stream()
                .filter(table -> table.getKey().endsWith(" event_bus.outbox"))
                .mapToLong(table -> table.getValue().size())
                .sum();
    }

    private Map<String, Long> offsets() {
        try {
            Set<String> topics = kafka.listTopics().names().get();
            Map<String, TopicDescription> descriptions = kafka.describeTopics(topics).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> latest = descriptions.values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            Map<String, Long> offsets = new TreeMap<>();
            kafka.listOffsets(latest).all().get()
                    .forEach((partition, info) -> offsets.put(partition.toString(), info.offset()));
            return offsets;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the topics' end offsets", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the topics' end offsets", e);
        }
    }

    @Override
    public void close() {
        for (Connection connection : databases.values()) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing at the end of the test: nothing left to protect
            }
        }
        if (kafka != null) {
            kafka.close();
        }
    }
}
