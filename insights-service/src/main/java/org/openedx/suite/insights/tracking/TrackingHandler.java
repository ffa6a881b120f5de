package org.openedx.suite.insights.tracking;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.TrackingEvent;
import org.openedx.suite.eventbus.EntityVersions;
import org.openedx.suite.eventbus.EventHandler;
import org.openedx.suite.eventbus.InboundEvent;
import org.openedx.suite.eventbus.InboundEvents;
import org.openedx.suite.insights.course.CourseFigures;
import org.openedx.suite.insights.lrs.LrsForwarding;
import org.openedx.suite.insights.statement.Fact.Facet;
import org.openedx.suite.insights.statement.Statement;
import org.openedx.suite.insights.statement.Statements;
import org.openedx.suite.insights.statement.XapiStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Tracking logs from the bus become statements and figures, a poll at a time: each log is made a statement
 * ({@link XapiStatements}); the statements with new ids are stored in one insert (a duplicated log, even with a new
 * {@code ce_id}, makes a statement already stored and changes nothing); they are counted, forwarded to the LRS if one is
 * set, and the learner's state each tells of is applied when newest-wins lets it through.
 * <p>
 * Why newest-wins: Open edX keys tracking logs by their <em>name</em>, so a learner's {@code now_passed} and
 * {@code now_failed}, or their enrollment and its mode change, travel on different partitions and arrive in any order.
 * Only the event time orders them: per (facet, course, learner, object) the newest event wins, and an older one
 * arriving late is ignored, so the figures end as the events say whatever the arrival order. The bus records the
 * {@code ce_id}s in this same transaction, so each event takes effect once.
 */
@Component
class TrackingHandler implements EventHandler<TrackingEvent> {

    private static final Logger log = LoggerFactory.getLogger(TrackingHandler.class);

    private final XapiStatements xapi;
    private final Statements statements;
    private final CourseFigures figures;
    private final LrsForwarding forwarding;

    TrackingHandler(XapiStatements xapi, Statements statements, CourseFigures figures, LrsForwarding forwarding) {
        this.xapi = xapi;
        this.statements = statements;
        this.figures = figures;
        this.forwarding = forwarding;
    }

    @Override
    public void apply(InboundEvents<TrackingEvent> events) {
        Instant storedAt = EventTimes.truncate(Instant.now());
        Map<InboundEvent<TrackingEvent>, Statement> made = new LinkedHashMap<>();
        for (InboundEvent<TrackingEvent> event : events) {
            xapi.transform(event.payload().trackingLog(), storedAt).ifPresentOrElse(
                    statement -> made.put(event, statement),
                    () -> log.debug("Tracking log {} ({}) is not one insights maps; skipped",
                            event.payload().trackingLog().name(), event.metadata().id()));
        }
        if (made.isEmpty()) {
            return;
        }
        List<Statement> stored = statements.storeNew(made.values());
        if (stored.isEmpty()) {
            return;
        }
        figures.count(stored);
        forwarding.enqueue(stored);
        figures.apply(newest(events, made, stored));
    }

    /** The stored statements whose events are not older than what was applied to their learner's state. */
    private static List<Statement> newest(InboundEvents<TrackingEvent> events,
                                          Map<InboundEvent<TrackingEvent>, Statement> made, List<Statement> stored) {
        Set<UUID> storedIds = new HashSet<>();
        stored.forEach(statement -> storedIds.add(statement.id()));
        // each statement once: the first event that made it (a duplicate in the same poll was not stored twice)
        Map<Facet, List<InboundEvent<TrackingEvent>>> byFacet = new EnumMap<>(Facet.class);
        Map<Facet, Set<String>> keys = new EnumMap<>(Facet.class);
        Set<UUID> seen = new HashSet<>();
        for (Map.Entry<InboundEvent<TrackingEvent>, Statement> entry : made.entrySet()) {
            Statement statement = entry.getValue();
            if (statement.fact() != null && storedIds.contains(statement.id()) && seen.add(statement.id())) {
                Facet facet = statement.fact().facet();
                byFacet.computeIfAbsent(facet, f -> new ArrayList<>()).add(entry.getKey());
                keys.computeIfAbsent(facet, f -> new HashSet<>()).add(entityKey(statement));
            }
        }
        Set<InboundEvent<TrackingEvent>> applying = new HashSet<>();
        // facets in one order, keys sorted by the bus: transactions sharing entities wait rather than deadlock
        for (Map.Entry<Facet, List<InboundEvent<TrackingEvent>>> facet : byFacet.entrySet()) {
            EntityVersions.Locked versions = events.lock(facet.getKey().entityType(), keys.get(facet.getKey()));
            for (InboundEvent<TrackingEvent> event : facet.getValue()) {
                if (versions.advance(entityKey(made.get(event)), event.metadata())) {
                    applying.add(event);
                }
            }
        }
        List<Statement> newest = new ArrayList<>();
        made.forEach((event, statement) -> {
            if (applying.contains(event)) {
                newest.add(statement);
            }
        });
        return newest;
    }

    /** The learner's state an event changes: course, learner and, for a subsection, exam or block, its usage key. */
    private static String entityKey(Statement statement) {
        return statement.courseKey() + "|" + statement.actor() + "|" + statement.fact().objectKey();
    }
}
