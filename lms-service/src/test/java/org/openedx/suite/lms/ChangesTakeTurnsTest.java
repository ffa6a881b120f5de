package org.openedx.suite.lms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.openedx.suite.contracts.OpenEdxEvents.EXAM_ATTEMPT_REJECTED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.EventMetadata;
import org.openedx.suite.contracts.EventTimes;
import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.lms.Lms.Course;
import org.openedx.suite.lms.Lms.Learner;
import org.openedx.suite.lms.Lms.Published;
import org.openedx.suite.lms.course.Courses;
import org.openedx.suite.lms.learner.LearnersInCourses;
import org.openedx.suite.lms.user.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes to one learner's standing in a course take turns: each waits for the learner's lock, and only then reads
 * the clock and the certificate. So the events of a later change carry a later time than those of the change before
 * it, and credentials, which keeps the newest event per learner and course, ends where the LMS ends; and a change
 * acts on the certificate as the change before it left it, not as it was when the change began waiting.
 * <p>
 * Each case holds the learner's lock, as a concurrent change would, lets the change under test queue behind it, and
 * notes the moment just before letting go: everything the change announces must be stamped after that moment.
 */
@LmsServiceTest
class ChangesTakeTurnsTest {

    private static final String CREATED = OpenEdxEvents.CERTIFICATE_CREATED.name();
    private static final String CHANGED = OpenEdxEvents.CERTIFICATE_CHANGED.name();
    private static final String REVOKED = OpenEdxEvents.CERTIFICATE_REVOKED.name();

    @Autowired LearnersInCourses learners;
    @Autowired Users users;
    @Autowired Courses courses;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired DataSource dataSource;
    @Autowired Lms lms;

    Learner ada;
    Course course;
    String exam;
    String homework;

    @BeforeEach
    void aLearnerInACourse() {
        ada = lms.newLearner();
        course = lms.newCourse("Taking Turns");
        lms.gradingPolicy(course, "0.5", false);
        exam = course.block("exam");
        homework = course.block("homework");
    }

    @Test
    void a_score_that_waited_for_the_learners_lock_is_announced_with_a_time_after_the_change_that_held_it() {
        lms.enroll(ada, course, "verified");
        lms.score(course, ada, homework, 2, 10);          // below the line: nothing announced yet

        Instant released = whileTheLearnersLockIsHeld(() -> lms.score(course, ada, homework, 9, 10));

        assertThat(lms.awaitPassingEvents(course, 1)).singleElement().satisfies(e -> stampedAfter(e, released));
        assertThat(lms.awaitCertificateEvents(course, 1)).singleElement().satisfies(e -> stampedAfter(e, released));
    }

    @Test
    void a_mode_change_that_waited_for_the_learners_lock_is_announced_with_a_time_after_the_change_that_held_it() {
        lms.enroll(ada, course, "audit");
        lms.score(course, ada, homework, 9, 10);          // passes, but audit learners earn no certificate
        lms.awaitPassingEvents(course, 1);

        Instant released = whileTheLearnersLockIsHeld(() -> lms.enroll(ada, course, "verified"));

        assertThat(lms.awaitCertificateEvents(course, 1)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(CREATED);
            stampedAfter(e, released);
        });
    }

    @Test
    void a_moved_passing_line_that_waited_for_the_learners_lock_is_announced_with_a_time_after_the_change_that_held_it() {
        lms.enroll(ada, course, "verified");
        lms.score(course, ada, homework, 4, 10);          // 0.4: below the line

        Instant released = whileTheLearnersLockIsHeld(() -> lms.gradingPolicy(course, "0.4", false));

        assertThat(lms.awaitPassingEvents(course, 1)).singleElement().satisfies(e -> stampedAfter(e, released));
        assertThat(lms.awaitCertificateEvents(course, 1)).singleElement().satisfies(e -> stampedAfter(e, released));
    }

    @Test
    void a_rejected_exam_that_waited_for_the_learners_lock_is_announced_with_a_time_after_the_change_that_held_it() {
        lms.enroll(ada, course, "verified");
        lms.score(course, ada, exam, 8, 10);
        lms.score(course, ada, homework, 4, 10);          // 12 of 20: passes; without the exam it does not
        lms.awaitCertificateEvents(course, 1);

        Instant released = whileTheLearnersLockIsHeld(
                () -> lms.exam(EXAM_ATTEMPT_REJECTED, ada, course, exam, Instant.now()));

        List<Published<?>> announced = new ArrayList<>();
        announced.addAll(lms.awaitPassingEvents(course, 2).subList(1, 2));        // stops passing
        announced.addAll(lms.awaitCertificateEvents(course, 3).subList(1, 3));    // notpassing, then unavailable
        assertThat(announced).allSatisfy(e -> stampedAfter(e, released));
    }

    @Test
    void an_invalidation_queued_behind_a_mode_change_keeps_the_new_mode_and_reports_the_status_it_replaced() {
        adaPassesWithAVerifiedCertificate();

        whileTheLearnersLockIsHeld(
                () -> lms.enroll(ada, course, "honor"),
                () -> lms.invalidate(course, ada).expectStatus().isOk());

        assertThat(lms.awaitCertificateEvents(course, 3))
                .extracting(Published::type, e -> e.data().mode(), e -> e.data().currentStatus(),
                        e -> e.data().previousStatus())
                .containsExactly(
                        tuple(CREATED, "verified", "downloadable", ""),
                        tuple(CHANGED, "honor", "downloadable", "downloadable"),
                        tuple(REVOKED, "honor", "unavailable", "downloadable"));
        lms.certificates(ada).expectBody().json("""
                [{"course_key": "%s", "mode": "honor", "status": "unavailable"}]""".formatted(course.key()));
    }

    @Test
    void an_invalidation_queued_behind_a_failing_score_reports_notpassing_as_the_status_it_replaced() {
        adaPassesWithAVerifiedCertificate();

        whileTheLearnersLockIsHeld(
                () -> lms.score(course, ada, homework, 1, 10),
                () -> lms.invalidate(course, ada).expectStatus().isOk());

        assertThat(lms.awaitCertificateEvents(course, 3))
                .extracting(Published::type, e -> e.data().currentStatus(), e -> e.data().previousStatus())
                .containsExactly(
                        tuple(CREATED, "downloadable", ""),
                        tuple(REVOKED, "notpassing", "downloadable"),
                        tuple(REVOKED, "unavailable", "notpassing"));
    }

    private void adaPassesWithAVerifiedCertificate() {
        lms.enroll(ada, course, "verified");
        lms.score(course, ada, homework, 9, 10);
        lms.awaitCertificateEvents(course, 1);
    }

    /**
     * Holds Ada's lock in the course while the changes start one after the other, each queueing behind the one
     * before; then lets go and waits for them to finish.
     *
     * @return a moment before the lock was let go
     */
    private Instant whileTheLearnersLockIsHeld(Runnable... changes) {
        List<CompletableFuture<Void>> running = new ArrayList<>();
        Instant released = new TransactionTemplate(transactionManager).execute(holding -> {
            learners.lock(users.require(ada.username()), courses.require(course.key()));
            for (Runnable change : changes) {
                running.add(CompletableFuture.runAsync(change, task -> new Thread(task).start()));
                int queued = running.size();
                await().atMost(Lms.EVENTUALLY).until(() -> LockWaits.sessionsWaiting(dataSource) == queued);
            }
            return EventTimes.truncate(Instant.now());
        });
        running.forEach(CompletableFuture::join);
        return released;
    }

    private static void stampedAfter(Published<?> event, Instant released) {
        assertThat(EventTimes.parse(event.headers().get(EventMetadata.TIME)))
                .as("ce_time of %s", event.type()).isAfter(released);
    }
}
