package org.openedx.suite.eventbus;

import java.util.List;

/**
 * An in-process reaction to the events this service publishes: a bean whose {@link #published} the event bus calls
 * with a transaction's events, in publishing order, inside that transaction, just before it commits. Its writes (a
 * webhook to send, a call to make) commit with the change and its events or not at all; throwing rolls all back.
 * It must not publish events itself.
 */
@FunctionalInterface
public interface PublishedEventsListener {

    void published(List<PublishedEvent> events);
}
