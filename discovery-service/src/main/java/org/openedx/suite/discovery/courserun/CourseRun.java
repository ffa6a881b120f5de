package org.openedx.suite.discovery.courserun;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/** A course run as the last catalog event applied to it described it; {@link CatalogWriter} keeps it. */
@Entity
@Immutable
@Table(name = "course_run")
class CourseRun {

    @Id
    @Column(name = "key", insertable = false, updatable = false)
    private String runKey;
    @Embedded
    private CourseRunDetails details;
    private Instant createdAt;

    protected CourseRun() {
    }

    CourseRunDetails details() {
        return details;
    }
}
