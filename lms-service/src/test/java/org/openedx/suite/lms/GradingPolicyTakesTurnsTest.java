package org.openedx.suite.lms;

import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.openedx.suite.lms.Lms.Course;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two requests setting a course's grading policy at once take turns, also when the course has no policy yet: the
 * second waits for the first and then applies its own, rather than failing on the first's freshly inserted row.
 */
@LmsServiceTest
class GradingPolicyTakesTurnsTest {

    @Autowired PlatformTransactionManager transactionManager;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired Lms lms;

    @Test
    void a_first_policy_set_while_another_first_policy_is_being_written_waits_for_it_and_then_applies() {
        Course course = lms.newCourse("Two First Policies");

        CompletableFuture<Void> second = new TransactionTemplate(transactionManager).execute(first -> {
            // the first request, caught between inserting the course's first policy and committing it
            jdbc.update("INSERT INTO grading_policy (course_key, passing_grade, credit_course, modified)"
                    + " VALUES (?, 0.70, false, ?)", course.key(), Timestamp.from(Instant.now()));
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(
                    () -> lms.gradingPolicy(course, "0.6", true), task -> new Thread(task).start());
            await().atMost(Lms.EVENTUALLY).until(() -> LockWaits.sessionsWaiting(dataSource) == 1);
            return waiting;
        });

        second.join();    // answered 200, not a failure on the course's key
        lms.http.get().uri("/api/courses/{key}", course.key()).accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectBody().json("""
                        {"passing_grade": 0.6, "credit_course": true}""");
    }
}
