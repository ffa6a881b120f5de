package org.openedx.suite.eventbus;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.openedx.suite.contracts.EventType;
import org.openedx.suite.contracts.Topics;

/** The topic names of this deployment: base names with the configured prefix. */
public final class EventBusTopics {

    private final String prefix;

    EventBusTopics(String prefix) {
        this.prefix = prefix;
    }

    public String topicOf(EventType<?> type) {
        return Topics.withPrefix(prefix, type.baseTopic());
    }

    public String deadLetterTopicOf(String topic) {
        return Topics.deadLetterOf(topic);
    }

    Set<String> topicsOf(Collection<? extends EventType<?>> types) {
        Set<String> topics = new LinkedHashSet<>();
        types.forEach(type -> topics.add(topicOf(type)));
        return topics;
    }
}
