package org.openedx.suite.exams.attempt;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.openedx.suite.exams.exam.Exam;

/** A learner's attempt at an exam, with the learner's identity as the LMS gave it (the events carry it on). */
@Entity
@Table(name = "exam_attempt")
class Attempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exam_id", nullable = false)
    private Exam exam;

    @Column(nullable = false)
    private long userId;

    @Column(nullable = false)
    private String username;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    @Convert(converter = AttemptStatusConverter.class)
    private AttemptStatus status;

    @Column(nullable = false)
    private Instant created;

    /** When the status last changed: the event time of the event that announced it. */
    @Column(nullable = false)
    private Instant modified;

    protected Attempt() {
        // for JPA
    }

    Attempt(Exam exam, Learner learner, Instant started) {
        this.exam = exam;
        this.userId = learner.id();
        this.username = learner.username();
        this.email = learner.email();
        this.name = learner.name();
        this.status = AttemptStatus.STARTED;
        this.created = started;
        this.modified = started;
    }

    void moveTo(AttemptStatus next, Instant at) {
        this.status = next;
        this.modified = at;
    }

    Long id() {
        return id;
    }

    Exam exam() {
        return exam;
    }

    Learner learner() {
        return new Learner(userId, username, email, name);
    }

    AttemptStatus status() {
        return status;
    }

    Instant created() {
        return created;
    }

    Instant modified() {
        return modified;
    }
}
