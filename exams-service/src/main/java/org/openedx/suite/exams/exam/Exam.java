package org.openedx.suite.exams.exam;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An exam on one subsection (usage key) of a course run. Attempts refer to it, hence public. */
@Entity
@Table(name = "exam")
public class Exam {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String courseKey;

    @Column(nullable = false)
    private String usageKey;

    @Column(nullable = false)
    @Convert(converter = ExamTypeConverter.class)
    private ExamType examType;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private int timeLimitMins;

    @Column(nullable = false)
    private Instant created;

    protected Exam() {
        // for JPA
    }

    Exam(String courseKey, String usageKey, ExamType examType, String name, int timeLimitMins, Instant created) {
        this.courseKey = courseKey;
        this.usageKey = usageKey;
        this.examType = examType;
        this.name = name;
        this.timeLimitMins = timeLimitMins;
        this.created = created;
    }

    public Long id() {
        return id;
    }

    public String courseKey() {
        return courseKey;
    }

    public String usageKey() {
        return usageKey;
    }

    public ExamType examType() {
        return examType;
    }

    public String name() {
        return name;
    }

    public int timeLimitMins() {
        return timeLimitMins;
    }

    public Instant created() {
        return created;
    }
}
