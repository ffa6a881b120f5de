package org.openedx.suite.exams;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.openedx.suite.contracts.EventJson;
import org.openedx.suite.contracts.ExamAttemptEvent;
import org.openedx.suite.contracts.UserData;
import org.openedx.suite.contracts.UserPersonalData;
import org.openedx.suite.testsupport.KafkaTestClient;
import org.openedx.suite.testsupport.KafkaTestClient.Message;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the exams service has put on the exam attempt lifecycle topic, as any Kafka client reads it. Each test uses
 * exams of its own, so a subsection's usage key picks out that test's events.
 */
public final class ExamAttemptTopic {

    public static final Duration EVENTUALLY = Duration.ofSeconds(30);

    private final KafkaTestClient kafka;
    private final String topic;
    private final JdbcTemplate jdbc;

    public ExamAttemptTopic(String bootstrapServers, String topic, JdbcTemplate jdbc) {
        this.kafka = new KafkaTestClient(bootstrapServers);
        this.topic = topic;
        this.jdbc = jdbc;
    }

    public String name() {
        return topic;
    }

    /** Every event about attempts at the exam on that subsection, in the order they were published. */
    public List<Message> eventsOf(String usageKey) {
        return kafka.readAll(topic).stream()
                .filter(m -> payload(m).examAttempt().usageKey().equals(usageKey))
                .toList();
    }

    /** Waits until the subsection has that many events, then returns them. */
    public List<Message> awaitEventsOf(String usageKey, int count) {
        return await().atMost(EVENTUALLY).until(() -> eventsOf(usageKey), events -> events.size() >= count);
    }

    /** The {@code ce_type}s of the subsection's events once its last expected event is out. */
    public List<String> typesOnceOut(String usageKey, String lastType) {
        List<Message> events = await().atMost(EVENTUALLY).until(() -> eventsOf(usageKey),
                found -> !found.isEmpty() && found.get(found.size() - 1).header("ce_type").equals(lastType));
        return events.stream().map(m -> m.header("ce_type")).toList();
    }

    /** Events of the subsection written to the outbox and not yet relayed. */
    public int pendingInOutbox(String usageKey) {
        return jdbc.queryForObject("SELECT count(*) FROM event_bus.outbox WHERE payload LIKE ?", Integer.class,
                "%\"usage_key\":\"" + usageKey + "\"%");
    }

    /** Waits until the relay has taken every event of the subsection out of the outbox. */
    public void awaitOutboxDrained(String usageKey) {
        await().atMost(EVENTUALLY).until(() -> pendingInOutbox(usageKey) == 0);
    }

    /** The user {@link ExamsApi#learner} describes, as events carry them. */
    public static UserData userData(long id, String username) {
        return new UserData(id, true, new UserPersonalData(username, username + "@example.com", "Learner " + username));
    }

    public static ExamAttemptEvent payload(Message message) {
        return EventJson.read(message.value().getBytes(StandardCharsets.UTF_8), ExamAttemptEvent.class);
    }
}
