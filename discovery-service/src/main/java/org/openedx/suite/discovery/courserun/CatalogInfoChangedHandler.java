package org.openedx.suite.discovery.courserun;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.openedx.suite.contracts.CatalogInfoChangedEvent;
import org.openedx.suite.eventbus.EventHandler;
import org.openedx.suite.eventbus.InboundEvent;
import org.openedx.suite.eventbus.InboundEvents;
import org.openedx.suite.eventbus.LoadedRows;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps the catalog in step with the CMS: each published course upserts its run (and, the first time, its course)
 * and adds a row to the run's history. An event older than the one last applied to the run is ignored. One query per
 * table for a whole poll, and one flush; and one {@link CourseRunsChanged} for the runs it changed, which brings the
 * search index up to date once the poll has committed ({@link CourseRunIndexing}).
 */
@Component
class CatalogInfoChangedHandler implements EventHandler<CatalogInfoChangedEvent> {

    static final String ENTITY = "course-run";

    private final CourseRepository courses;
    private final CourseRunRepository runs;
    private final EntityManager entityManager;
    private final ApplicationEventPublisher publisher;

    CatalogInfoChangedHandler(CourseRepository courses, CourseRunRepository runs, EntityManager entityManager,
                              ApplicationEventPublisher publisher) {
        this.courses = courses;
        this.runs = runs;
        this.entityManager = entityManager;
        this.publisher = publisher;
    }

    @Override
    public void apply(InboundEvents<CatalogInfoChangedEvent> events) {
        List<InboundEvent<CatalogInfoChangedEvent>> applying = events.newest(ENTITY, p -> p.catalogInfo().courseKey());
        if (applying.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        List<CourseRunDetails> revisions = applying.stream()
                .map(event -> CourseRunDetails.of(event.payload().catalogInfo(), event.metadata().time())).toList();
        LoadedRows<String, Course> knownCourses = LoadedRows.of(entityManager,
                courses.findAllById(revisions.stream().map(CourseRunDetails::course).distinct().toList()), Course::key);
        List<String> runKeys = revisions.stream().map(CourseRunDetails::runKey).distinct().toList();
        LoadedRows<String, CourseRun> knownRuns = LoadedRows.of(entityManager, runs.findAllById(runKeys),
                CourseRun::runKey);
        for (int i = 0; i < applying.size(); i++) {
            CourseRunDetails revision = revisions.get(i);
            // saved in this order (course, run, history row), which the flush keeps: each refers to the one before
            knownCourses.findOrCreate(revision.course(), () -> new Course(revision.course(), revision.title(), now));
            knownRuns.change(revision.runKey(), () -> new CourseRun(revision.runKey(), now),
                    run -> run.describe(revision));
            entityManager.persist(new HistoricalCourseRun(applying.get(i).metadata().id(), revision, Instant.now()));
        }
        publisher.publishEvent(CourseRunsChanged.of(runKeys));
    }
}
