package org.openedx.suite.lms.learner;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;

@Entity
class SubsectionGrade {

    // a sequence drawn 50 at a time (V2), so that the rows a poll of exam events creates are inserted in JDBC batches
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subsection_grade_id_seq")
    @SequenceGenerator(name = "subsection_grade_id_seq", sequenceName = "subsection_grade_id_seq",
            allocationSize = 50)
    private Long id;

    private long userId;
    private String courseKey;
    private String usageKey;
    private BigDecimal earned;
    private BigDecimal possible;
    private BigDecimal overrideEarned;
    private String overrideFeature;
    private Instant createdAt;
    private Instant modified;

    protected SubsectionGrade() {
    }

    /** A subsection without a score of the learner yet: 0 of 0, which counts for nothing in the course percent. */
    SubsectionGrade(long userId, String courseKey, String usageKey, Instant at) {
        this.userId = userId;
        this.courseKey = courseKey;
        this.usageKey = usageKey;
        this.createdAt = at;
        renew(at);
    }

    /** Back to what a new row is: no score, no override. */
    void renew(Instant at) {
        this.earned = BigDecimal.ZERO;
        this.possible = BigDecimal.ZERO;
        this.overrideEarned = null;
        this.overrideFeature = null;
        this.modified = at;
    }

    void score(BigDecimal earned, BigDecimal possible, Instant at) {
        this.earned = earned;
        this.possible = possible;
        this.modified = at;
    }

    void override(BigDecimal earned, String feature, Instant at) {
        this.overrideEarned = earned;
        this.overrideFeature = feature;
        this.modified = at;
    }

    void removeOverride(Instant at) {
        this.overrideEarned = null;
        this.overrideFeature = null;
        this.modified = at;
    }

    boolean hasOverrideFrom(String feature) {
        return feature.equals(overrideFeature);
    }

    /** True for a row that only holds an override made before the learner had a score. */
    boolean neverScored() {
        return possible.signum() == 0;
    }

    GradeModel.Score toScore() {
        return new GradeModel.Score(earned, possible, overrideEarned);
    }

    long userId() {
        return userId;
    }

    String courseKey() {
        return courseKey;
    }

    String usageKey() {
        return usageKey;
    }

    BigDecimal earned() {
        return earned;
    }

    BigDecimal possible() {
        return possible;
    }

    BigDecimal overrideEarned() {
        return overrideEarned;
    }

    Instant createdAt() {
        return createdAt;
    }

    String overrideFeature() {
        return overrideFeature;
    }
}
