package org.openedx.suite.lms.grade;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openedx.suite.contracts.CoursePassingStatusData;
import org.openedx.suite.contracts.CoursePassingStatusEvent;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.EventPublisher;
import org.openedx.suite.lms.course.CourseOverview;
import org.openedx.suite.lms.course.CoursePolicy;
import org.openedx.suite.lms.course.Courses;
import org.openedx.suite.lms.course.GradingPolicyChanged;
import org.openedx.suite.lms.user.User;
import org.openedx.suite.lms.user.Users;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learners' subsection scores and course standings. Every change to a learner's scores in a course recomputes the
 * course grade ({@link GradeModel}); a crossing of the passing line is announced on the bus and to the certificates
 * feature, in the transaction of the change.
 * <p>
 * Changes to one learner's standing in one course are serialised by locking its {@code course_grade} row first, so
 * that concurrent changes (REST, exam events) see each other and a crossing is announced exactly once. The clock is
 * read only once the lock is held: the events of the change that waited then carry a later time than those of the
 * change it waited for, and consumers that keep the newest event per learner (credentials) end where the LMS ends.
 */
@Service
public class CourseGrades {

    /** The override feature of proctoring outcomes. */
    public static final String PROCTORING = "proctoring";

    private final SubsectionGradeRepository subsections;
    private final CourseGradeRepository courseGrades;
    private final Courses courses;
    private final Users users;
    private final EventPublisher publisher;
    private final ApplicationEventPublisher applicationEvents;

    CourseGrades(SubsectionGradeRepository subsections, CourseGradeRepository courseGrades, Courses courses,
                 Users users, EventPublisher publisher, ApplicationEventPublisher applicationEvents) {
        this.subsections = subsections;
        this.courseGrades = courseGrades;
        this.courses = courses;
        this.users = users;
        this.publisher = publisher;
        this.applicationEvents = applicationEvents;
    }

    /**
     * Locks the learner's standing in the course for the rest of the transaction and returns it. Anything that acts
     * on the standing (certificates) takes this lock first.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Standing lockStanding(long userId, String courseKey) {
        StandingKey key = new StandingKey(userId, courseKey);
        return lock(List.of(key)).get(key).standing();
    }

    /**
     * Locks the learners' standings for the rest of the transaction, in a few statements however many there are, and
     * reads what changing them needs: their subsection grades and the courses' passing grades.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LockedStandings lockStandings(Collection<LearnerInCourse> learners) {
        Map<StandingKey, LearnerInCourse> byKey = new LinkedHashMap<>();
        learners.stream().sorted(Comparator.comparing((LearnerInCourse learner) -> learner.user().id())
                        .thenComparing(learner -> learner.course().courseKey()))
                .forEach(learner -> byKey.putIfAbsent(learner.key(), learner));
        if (byKey.isEmpty()) {
            return new LockedStandings(Map.of(), subsections);
        }
        Map<StandingKey, CourseGrade> grades = lock(byKey.keySet());
        // read once the locks are held: a passing line moved meanwhile is then the one to grade against
        Map<String, CoursePolicy> policies = courses.policiesOf(
                byKey.keySet().stream().map(StandingKey::courseKey).collect(Collectors.toSet()));
        Map<StandingKey, List<SubsectionGrade>> rows = subsections
                .findOfLearners(userIds(byKey.keySet()), courseKeys(byKey.keySet())).stream()
                .collect(Collectors.groupingBy(row -> new StandingKey(row.userId(), row.courseKey())));
        Map<StandingKey, LockedStanding> standings = new LinkedHashMap<>();
        byKey.forEach((key, learner) -> standings.put(key, new LockedStanding(learner,
                policies.get(key.courseKey()).passingGrade(), grades.get(key), rows.getOrDefault(key, List.of()),
                this::announce)));
        return new LockedStandings(standings, subsections);
    }

    /**
     * Which of the subsections carry an override from {@code feature}, read without locking anything. Only for the
     * one that alone makes and removes that feature's overrides, each subsection's under a lock of its own that it
     * holds: what this reads then cannot change before its transaction ends. A score leaves an override as it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<LearnerSubsection> overriddenBy(String feature, Collection<LearnerSubsection> wanted) {
        if (wanted.isEmpty()) {
            return Set.of();
        }
        return subsections.findOverridden(feature,
                        wanted.stream().map(LearnerSubsection::userId).toArray(Long[]::new),
                        wanted.stream().map(LearnerSubsection::usageKey).toArray(String[]::new)).stream()
                .map(row -> new LearnerSubsection(((Number) row[0]).longValue(), (String) row[1]))
                .collect(Collectors.toSet());
    }

    /** Records the learner's own score on a subsection; an override on it stays. */
    @Transactional
    void score(User user, CourseOverview course, String usageKey, BigDecimal earned, BigDecimal possible) {
        LearnerInCourse learner = new LearnerInCourse(user, course);
        LockedStandings standings = lockStandings(List.of(learner));
        standings.score(learner, usageKey, earned, possible);
        standings.store();
    }

    /** A moved passing line can put learners on its other side: each of them is re-evaluated. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void onGradingPolicyChanged(GradingPolicyChanged change) {
        var course = courses.find(change.courseKey());
        if (course.isEmpty()) {
            return; // no overview, so nobody can have grades in the course yet
        }
        List<Long> learners = courseGrades.learnersIn(change.courseKey());
        Map<Long, User> known = users.findAllById(learners);
        LockedStandings standings = lockStandings(learners.stream()
                .map(userId -> new LearnerInCourse(known.get(userId), course.get())).toList());
        standings.recomputeAll();
    }

    @Transactional(readOnly = true)
    GradeView view(User user, CourseOverview course) {
        Standing standing = courseGrades.findByUserIdAndCourseKey(user.id(), course.courseKey())
                .map(CourseGrade::standing).orElse(Standing.NONE);
        List<GradeView.Subsection> rows = subsections
                .findByUserIdAndCourseKeyOrderByUsageKey(user.id(), course.courseKey()).stream()
                .map(GradeView.Subsection::of).toList();
        return GradeView.of(standing, rows);
    }

    @Transactional(readOnly = true)
    boolean hasScores(long userId, String courseKey) {
        return subsections.existsByUserIdAndCourseKey(userId, courseKey);
    }

    private void announce(User user, CourseOverview course, Standing after, Instant at) {
        publisher.publish(OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED, new CoursePassingStatusEvent(
                new CoursePassingStatusData(after.passed(), course.toCourseData(), user.toUserData())), at);
        applicationEvents.publishEvent(new CoursePassingChanged(user, course, after, at));
    }

    /**
     * Creates the standings that do not exist yet, then locks them all in one statement, in the order of their keys:
     * two transactions that lock some of the same standings take them in the same order, so neither waits for the
     * other while holding what the other waits for.
     */
    private Map<StandingKey, CourseGrade> lock(Collection<StandingKey> keys) {
        Long[] userIds = userIds(keys);
        String[] courseKeys = courseKeys(keys);
        courseGrades.createAllMissing(userIds, courseKeys);
        return courseGrades.lockAll(userIds, courseKeys).stream()
                .collect(Collectors.toMap(grade -> new StandingKey(grade.userId(), grade.courseKey()), grade -> grade));
    }

    private static Long[] userIds(Collection<StandingKey> keys) {
        return keys.stream().map(StandingKey::userId).toArray(Long[]::new);
    }

    private static String[] courseKeys(Collection<StandingKey> keys) {
        return keys.stream().map(StandingKey::courseKey).toArray(String[]::new);
    }
}
