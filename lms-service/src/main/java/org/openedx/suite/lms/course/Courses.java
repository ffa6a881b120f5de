package org.openedx.suite.lms.course;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.openedx.suite.contracts.CourseCatalogData;
import org.openedx.suite.eventbus.LoadedRows;
import org.openedx.suite.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Course overviews (kept from catalog events) and the LMS's own grading policy of each course run. */
@Service
public class Courses {

    private final CourseOverviewRepository overviews;
    private final GradingPolicyRepository policies;
    private final EntityManager entityManager;
    Courses(CourseOverviewRepository overviews, GradingPolicyRepository policies, EntityManager entityManager) {
        this.overviews = overviews;
        this.policies = policies;
        this.entityManager = entityManager;
    }

    /** @throws ApiException 404 until the run's first catalog event has been applied */
    @Transactional(readOnly = true)
    public CourseOverview require(String courseKey) {
        return overviews.findById(courseKey)
                .orElseThrow(() -> ApiException.notFound("no course " + courseKey + " (known once the catalog announces it)"));
    }

    @Transactional(readOnly = true)
    public Optional<CourseOverview> find(String courseKey) {
        return overviews.findById(courseKey);
    }

    /** The overviews of those of the courses the catalog has announced, by course key, in one query. */
    @Transactional(readOnly = true)
    public Map<String, CourseOverview> findAll(Collection<String> courseKeys) {
        Map<String, CourseOverview> found = new HashMap<>();
        overviews.findAllById(courseKeys).forEach(overview -> found.put(overview.courseKey(), overview));
        return found;
    }

    @Transactional(readOnly = true)
    public CoursePolicy policyOf(String courseKey) {
        return policies.findById(courseKey).map(GradingPolicy::toCoursePolicy).orElse(CoursePolicy.DEFAULT);
    }

    /** The policy of each of the courses, in one query. */
    @Transactional(readOnly = true)
    public Map<String, CoursePolicy> policiesOf(Collection<String> courseKeys) {
        Map<String, CoursePolicy> found = new HashMap<>();
        courseKeys.forEach(courseKey -> found.put(courseKey, CoursePolicy.DEFAULT));
        policies.findAllById(courseKeys).forEach(policy -> found.put(policy.courseKey(), policy.toCoursePolicy()));
        return found;
    }

    /**
     * Sets the policy. It may come before the run's first catalog event: the two arrive independently, and refusing
     * it would make their order matter. Learners' grades are the caller's: a moved line may move them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public PolicyChange setPolicy(String courseKey, BigDecimal passingGrade, boolean creditCourse) {
        passingGrade = passingGrade.setScale(2, RoundingMode.UNNECESSARY);
        policies.createIfAbsent(courseKey, GradingPolicy.DEFAULT_PASSING_GRADE, Instant.now());
        // locked, so that of two changes at once the second sees the first's line when it decides whether it moved
        GradingPolicy policy = policies.findForUpdate(courseKey).orElseThrow();
        boolean lineMoved = policy.passingGrade().compareTo(passingGrade) != 0;
        policy.change(passingGrade, creditCourse, Instant.now());
        return new PolicyChange(policy.toCoursePolicy(), lineMoved);
    }

    /** A course's policy as it was set, and whether its passing line moved. */
    public record PolicyChange(CoursePolicy policy, boolean lineMoved) {
    }

    /** What one catalog event announced about a run, and when. */
    record Announcement(CourseCatalogData catalog, Instant time) {
    }

    /**
     * Creates each overview on first sight, otherwise updates it, in one query and one flush however many there are.
     * Newest-wins is the caller's job: one announcement per run.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void applyCatalog(Collection<Announcement> announcements) {
        LoadedRows<String, CourseOverview> known = LoadedRows.of(entityManager,
                overviews.findAllById(announcements.stream().map(a -> a.catalog().courseKey()).toList()),
                CourseOverview::courseKey);
        for (Announcement announcement : announcements) {
            String courseKey = announcement.catalog().courseKey();
            known.change(courseKey, () -> new CourseOverview(courseKey),
                    overview -> overview.apply(announcement.catalog(), announcement.time()));
        }
    }
}
