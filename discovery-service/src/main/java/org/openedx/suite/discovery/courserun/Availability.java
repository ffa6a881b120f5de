package org.openedx.suite.discovery.courserun;

import java.time.Instant;

import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

/**
 * Whether a run can be followed now, as course-discovery's availability says it, decided from its start and end
 * against the time of the search: upcoming when it starts later, archived when it has started and its end has
 * passed, current otherwise (started, and its end, if it has one, not passed). Every run is exactly one of them.
 */
enum Availability {
    CURRENT("current"),
    UPCOMING("upcoming"),
    ARCHIVED("archived");

    /** The values of the {@code availability} parameter, as a pattern. */
    static final String VALUES = "current|upcoming|archived";

    private final String value;

    Availability(String value) {
        this.value = value;
    }

    /** As the {@code availability} parameter and the facets say it. */
    String value() {
        return value;
    }

    static Availability of(String value) {
        for (Availability availability : values()) {
            if (availability.value.equals(value)) {
                return availability;
            }
        }
        throw new IllegalArgumentException("unknown availability " + value);
    }

    /** The runs of this availability at {@code now}, from the indexed start and end ({@link CourseRunDocument}). */
    PredicateFinalStep predicate(SearchPredicateFactory f, Instant now) {
        return switch (this) {
            case UPCOMING -> f.range().field(CourseRunDocument.START).greaterThan(now);
            case ARCHIVED -> f.and(f.range().field(CourseRunDocument.START).atMost(now),
                    f.range().field(CourseRunDocument.END).lessThan(now));
            case CURRENT -> f.and(f.range().field(CourseRunDocument.START).atMost(now),
                    f.or(f.range().field(CourseRunDocument.END).atLeast(now),
                            f.not(f.exists().field(CourseRunDocument.END))));
        };
    }
}
