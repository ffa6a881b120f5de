package org.openedx.suite.discovery.courserun;

import java.time.Instant;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;

/**
 * A course run as the last catalog event applied to it described it; searched through its document in the
 * {@code course-run} index ({@link CourseRunDocument}).
 */
@Entity
@Table(name = "course_run")
@Indexed(index = "course-run")
@TypeBinding(binder = @TypeBinderRef(type = CourseRunDocument.class))
class CourseRun {

    @Id
    @Column(name = "key")
    private String runKey;
    @Embedded
    @AttributeOverride(name = "runKey", column = @Column(name = "key", insertable = false, updatable = false))
    private CourseRunDetails details;
    private Instant createdAt;

    protected CourseRun() {
    }

    CourseRun(String runKey, Instant createdAt) {
        this.runKey = runKey;
        this.createdAt = createdAt;
    }

    String runKey() {
        return runKey;
    }

    CourseRunDetails details() {
        return details;
    }

    /** The run as a newer catalog event describes it. */
    void describe(CourseRunDetails details) {
        this.details = details;
    }
}
