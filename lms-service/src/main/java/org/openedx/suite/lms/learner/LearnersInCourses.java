package org.openedx.suite.lms.learner;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.openedx.suite.eventbus.LoadedRows;
import org.openedx.suite.lms.course.CourseOverview;
import org.openedx.suite.lms.course.CoursePolicy;
import org.openedx.suite.lms.course.Courses;
import org.openedx.suite.lms.user.User;
import org.openedx.suite.lms.user.Users;
import org.openedx.suite.web.ApiException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learners in course runs: the one place that locks and loads them, and the changes the REST API makes to them.
 * <p>
 * {@link #lock} takes every learner's {@code course_grade} row, creating it first if missing, in one statement and in
 * one order (user id, then course key) for every transaction: two changes sharing learners wait for each other
 * instead of deadlocking, and nothing else of a learner is read before the lock is held. So the certificate a change
 * acts on is the one the change before it left, and the passing line is the one in force when the change is made.
 */
@Service
public class LearnersInCourses {

    private final CourseGradeRepository grades;
    private final SubsectionGradeRepository subsections;
    private final EnrollmentRepository enrollments;
    private final CertificateRepository certificates;
    private final Courses courses;
    private final Users users;
    private final LearnerEffects effects;
    private final EntityManager entityManager;

    LearnersInCourses(CourseGradeRepository grades, SubsectionGradeRepository subsections,
                      EnrollmentRepository enrollments, CertificateRepository certificates, Courses courses,
                      Users users, LearnerEffects effects, EntityManager entityManager) {
        this.grades = grades;
        this.subsections = subsections;
        this.enrollments = enrollments;
        this.certificates = certificates;
        this.courses = courses;
        this.users = users;
        this.effects = effects;
        this.entityManager = entityManager;
    }

    /**
     * Locks the learners for the rest of the transaction and loads all they hold, a query a table however many there
     * are. Locking a learner again in the same transaction finds what the changes before made.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Locked lock(Collection<LearnerInCourse.Ref> learners) {
        Map<LearnerInCourse.Key, LearnerInCourse.Ref> byKey = new LinkedHashMap<>();
        learners.stream()
                .sorted(Comparator.comparing((LearnerInCourse.Ref learner) -> learner.user().id())
                        .thenComparing(learner -> learner.course().courseKey()))
                .forEach(learner -> byKey.putIfAbsent(learner.key(), learner));
        if (byKey.isEmpty()) {
            return new Locked(Map.of());
        }
        Long[] userIds = byKey.keySet().stream().map(LearnerInCourse.Key::userId).toArray(Long[]::new);
        String[] courseKeys = byKey.keySet().stream().map(LearnerInCourse.Key::courseKey).toArray(String[]::new);
        grades.createAllMissing(userIds, courseKeys);
        Map<LearnerInCourse.Key, CourseGrade> locked = byKey(grades.lockAll(userIds, courseKeys),
                grade -> new LearnerInCourse.Key(grade.userId(), grade.courseKey()));
        // read once the locks are held: a passing line moved meanwhile is then the one to grade against
        Map<String, CoursePolicy> policies = courses.policiesOf(Set.copyOf(Arrays.asList(courseKeys)));
        Map<LearnerInCourse.Key, List<SubsectionGrade>> subsectionsOf = subsections
                .findOfLearners(userIds, courseKeys).stream()
                .collect(Collectors.groupingBy(row -> new LearnerInCourse.Key(row.userId(), row.courseKey())));
        Map<LearnerInCourse.Key, Enrollment> enrollmentOf = byKey(enrollments.findOfLearners(userIds, courseKeys),
                enrollment -> new LearnerInCourse.Key(enrollment.userId(), enrollment.courseKey()));
        Map<LearnerInCourse.Key, Certificate> certificateOf = byKey(certificates.findOfLearners(userIds, courseKeys),
                certificate -> new LearnerInCourse.Key(certificate.userId(), certificate.courseKey()));
        Map<LearnerInCourse.Key, LearnerInCourse> loaded = new LinkedHashMap<>();
        byKey.forEach((key, learner) -> loaded.put(key, new LearnerInCourse(learner.user(), learner.course(),
                policies.get(key.courseKey()).passingGrade(), locked.get(key),
                LoadedRows.of(entityManager, subsectionsOf.getOrDefault(key, List.of()), SubsectionGrade::usageKey),
                enrollmentOf.get(key), certificateOf.get(key), effects)));
        return new Locked(loaded);
    }

    /** Locks one learner, as {@link #lock(Collection)} does. */
    @Transactional(propagation = Propagation.MANDATORY)
    public LearnerInCourse lock(User user, CourseOverview course) {
        LearnerInCourse.Ref learner = new LearnerInCourse.Ref(user, course);
        return lock(List.of(learner)).get(learner);
    }

    /**
     * Which of the subsections carry an override from {@code feature}, read without locking anything. Only for the
     * one that alone makes and removes that feature's overrides, each subsection's under a lock of its own that it
     * holds: what this reads then cannot change before its transaction ends. A score leaves an override as it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<Subsection> overriddenBy(String feature, Collection<Subsection> wanted) {
        if (wanted.isEmpty()) {
            return Set.of();
        }
        return subsections.findOverridden(feature,
                        wanted.stream().map(Subsection::userId).toArray(Long[]::new),
                        wanted.stream().map(Subsection::usageKey).toArray(String[]::new)).stream()
                .map(row -> new Subsection(((Number) row[0]).longValue(), (String) row[1]))
                .collect(Collectors.toSet());
    }

    /** A learner's subsection, as a batch of grade changes names it. */
    public record Subsection(long userId, String usageKey) {
    }

    /**
     * Records the learner's own score on a subsection; 404 unless the learner is enrolled in the course (one who
     * unenrolled is not).
     */
    @Transactional
    public GradeResponse score(User user, CourseOverview course, String usageKey, BigDecimal earned,
                               BigDecimal possible) {
        LearnerInCourse learner = lock(user, course);
        if (!learner.isEnrolled()) {
            throw notEnrolled(user, course);
        }
        learner.score(usageKey, earned, possible);
        return learner.gradeResponse();
    }

    /**
     * The learner's grades; 404 for a learner who never enrolled in the course and has no score in it. One who
     * unenrolled keeps them.
     */
    @Transactional(readOnly = true)
    public GradeResponse grades(User user, CourseOverview course) {
        long userId = user.id();
        String courseKey = course.courseKey();
        if (enrollments.findByUserIdAndCourseKey(userId, courseKey).isEmpty()
                && !subsections.existsByUserIdAndCourseKey(userId, courseKey)) {
            throw notEnrolled(user, course);
        }
        Standing standing = grades.findByUserIdAndCourseKey(userId, courseKey)
                .map(CourseGrade::standing).orElse(Standing.NONE);
        return GradeResponse.of(standing, subsections.findByUserIdAndCourseKeyOrderByUsageKey(userId, courseKey)
                .stream().map(GradeResponse.Subsection::of).toList());
    }

    /**
     * Enrolls the learner, re-activates the enrollment they left, or moves an existing enrollment to the mode; the
     * certificate follows the mode.
     */
    @Transactional
    public Enrolled enroll(User user, CourseOverview course, CourseMode mode) {
        LearnerInCourse learner = lock(user, course);
        boolean created = learner.enroll(mode);
        return Enrolled.of(learner.enrollment().orElseThrow(), created);
    }

    /**
     * Unenrolls the learner, who keeps their grades and certificate; 404 when they never enrolled in the course. One
     * who unenrolled already stays so.
     */
    @Transactional
    public Enrolled unenroll(User user, CourseOverview course) {
        LearnerInCourse learner = lock(user, course);
        learner.unenroll();
        return Enrolled.of(learner.enrollment().orElseThrow(() -> notEnrolled(user, course)), false);
    }

    /** The learner's enrollment, active or not; 404 when they never enrolled in the course. */
    @Transactional(readOnly = true)
    public Enrolled enrollment(User user, CourseOverview course) {
        return enrollments.findByUserIdAndCourseKey(user.id(), course.courseKey())
                .map(enrollment -> Enrolled.of(enrollment, false)).orElseThrow(() -> notEnrolled(user, course));
    }

    /** Whether the user is enrolled in the run, in any mode; an enrollment they left does not count. */
    @Transactional(readOnly = true)
    public boolean isEnrolled(User user, String courseKey) {
        return enrollments.findByUserIdAndCourseKey(user.id(), courseKey).filter(Enrollment::isActive).isPresent();
    }

    /** An enrollment as a change left it; {@code created} when the change made it. */
    public record Enrolled(CourseMode mode, boolean active, Instant createdAt, boolean created) {

        static Enrolled of(Enrollment enrollment, boolean created) {
            return new Enrolled(enrollment.mode(), enrollment.isActive(), enrollment.createdAt(), created);
        }
    }

    /** Sets the certificate {@code unavailable}, for good; 404 when the learner has no certificate in the course. */
    @Transactional
    public CertificateResponse invalidateCertificate(User user, CourseOverview course) {
        return lock(user, course).invalidateCertificate().orElseThrow(() -> ApiException.notFound(
                user.username() + " has no certificate in " + course.courseKey()));
    }

    /** Every certificate of the learner, whatever its status. */
    @Transactional(readOnly = true)
    public List<CertificateResponse> certificatesOf(User user) {
        return certificates.findByUserIdOrderByCourseKey(user.id()).stream()
                .map(certificate -> CertificateResponse.of(certificate, user)).toList();
    }

    /**
     * Sets the course's grading policy. A moved passing line can put learners on its other side: each learner with a
     * grade in the course is locked and graded again, in the same transaction.
     */
    @Transactional
    public CoursePolicy setGradingPolicy(String courseKey, BigDecimal passingGrade, boolean creditCourse) {
        Courses.PolicyChange change = courses.setPolicy(courseKey, passingGrade, creditCourse);
        if (change.lineMoved()) {
            // without an overview nobody can have grades in the course yet
            courses.find(courseKey).ifPresent(course -> {
                List<Long> userIds = grades.learnersIn(courseKey);
                Map<Long, User> known = users.findAllById(userIds);
                lock(userIds.stream().map(userId -> new LearnerInCourse.Ref(known.get(userId), course)).toList())
                        .all().forEach(LearnerInCourse::regrade);
            });
        }
        return change.policy();
    }

    private static ApiException notEnrolled(User user, CourseOverview course) {
        return ApiException.notFound(user.username() + " is not enrolled in " + course.courseKey());
    }

    private static <K, V> Map<K, V> byKey(Collection<V> rows, Function<V, K> keyOf) {
        return rows.stream().collect(Collectors.toMap(keyOf, Function.identity()));
    }

    /** Learners locked by {@link #lock}, for the transaction that locked them. */
    public static final class Locked {

        private final Map<LearnerInCourse.Key, LearnerInCourse> learners;

        private Locked(Map<LearnerInCourse.Key, LearnerInCourse> learners) {
            this.learners = learners;
        }

        /** Whether the learner is among those locked. */
        public boolean holds(LearnerInCourse.Ref learner) {
            return learners.containsKey(learner.key());
        }

        public LearnerInCourse get(LearnerInCourse.Ref learner) {
            LearnerInCourse locked = learners.get(learner.key());
            if (locked == null) {
                throw new IllegalArgumentException("learner " + learner.user().id() + " in "
                        + learner.course().courseKey() + " was not locked");
            }
            return locked;
        }

        /** In the order they were locked. */
        public Collection<LearnerInCourse> all() {
            return learners.values();
        }
    }
}
