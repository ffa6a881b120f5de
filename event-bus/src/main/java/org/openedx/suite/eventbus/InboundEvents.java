package org.openedx.suite.eventbus;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * The events an {@link EventHandler} applies in one transaction, with the newest-wins versions of that transaction:
 * a whole poll, or one event when the bus applies a failed poll again event by event (then every call of the
 * transaction shares the versions, so each sees what the events before it decided).
 *
 * @param <T> the payload record
 */
public final class InboundEvents<T> implements Iterable<InboundEvent<T>> {

    private final List<InboundEvent<T>> events;
    private final EntityVersions versions;

    InboundEvents(List<InboundEvent<T>> events, EntityVersions versions) {
        this.events = List.copyOf(events);
        this.versions = versions;
    }

    /** Every event, in the order they arrived. */
    public List<InboundEvent<T>> all() {
        return events;
    }

    @Override
    public Iterator<InboundEvent<T>> iterator() {
        return events.iterator();
    }

    /**
     * Newest wins: the events, in order, that are not older than the last event applied to their entity before them;
     * each entity's version moves to the newest of them. Three statements however many events there are.
     *
     * @param entityType e.g. {@code course-run}
     * @param entityKey  the entity an event changes, e.g. its course key
     */
    public List<InboundEvent<T>> newest(String entityType, Function<T, String> entityKey) {
        return versions.newestOf(entityType, events, entityKey);
    }

    /**
     * Locks the versions of some entities, for a handler that decides newest-wins event by event, interleaved with
     * rules of its own (e.g. a learner and their credential from the same event). Versions moved through the
     * returned {@link EntityVersions.Locked} are written as the transaction commits.
     */
    public EntityVersions.Locked lock(String entityType, Collection<String> entityKeys) {
        return versions.lock(entityType, entityKeys);
    }
}
