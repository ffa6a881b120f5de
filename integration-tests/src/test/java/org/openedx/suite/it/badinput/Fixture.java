package org.openedx.suite.it.badinput;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;

import org.openedx.suite.it.clients.Cms;
import org.openedx.suite.it.clients.Exams;
import org.openedx.suite.it.clients.Lms;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;

/**
 * The resources the malformed requests aim at, made through the REST APIs as any client would: a published course
 * that the LMS and the catalog know, a learner enrolled in it and one who is not, a proctored exam the learner has
 * started, and a chapter of the course's content in the CMS.
 *
 * @param examUsageKey the exam's subsection
 * @param gradedUsageKey a subsection of the course without an exam, for scores
 */
record Fixture(String courseKey, String examUsageKey, String gradedUsageKey, String learner, long learnerId,
               String bystander, long examId, long attemptId, long webhookId, String chapterUsageKey) {

    /**
     * A receiver the fixture's webhook names: an allowed host, never called, since nothing in the sweep produces the
     * one event type it subscribes to.
     */
    static final String WEBHOOK_URL = "http://localhost:9/webhooks/sweep";
    static final String QUIET_EVENT_TYPE = "org.openedx.learning.certificate.changed.v1";

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    static Fixture create(Suite suite, Keys keys) {
        Cms cms = new Cms(suite.service(SuiteService.CMS).baseUrl());
        Lms lms = new Lms(suite.service(SuiteService.LMS).baseUrl());
        Exams exams = new Exams(suite.service(SuiteService.EXAMS).baseUrl());
        String discovery = suite.service(SuiteService.DISCOVERY).baseUrl();

        String courseKey = keys.courseKey();
        cms.createAndPublish(courseKey, "Bad input fixture");
        String chapter = cms.addBlock(courseKey, null, "chapter", "Fixture chapter", null);
        await().atMost(EVENTUALLY).until(() -> lms.course(courseKey), Optional::isPresent);
        await().atMost(EVENTUALLY).until(() -> Http.get(discovery + "/api/course-runs/" + courseKey).status() == 200);

        String learner = keys.username();
        long learnerId = lms.createUser(learner);
        lms.enroll(learner, courseKey, "audit");
        String bystander = keys.username();
        lms.createUser(bystander);
        lms.gradingPolicy(courseKey, 0.5, false);

        String examUsageKey = Keys.usageKey(courseKey, "final_exam");
        long examId = exams.createProctoredExam(courseKey, examUsageKey, "Final exam");
        long attemptId = exams.startAttempt(examId, learnerId, learner);
        long webhookId = lms.subscribeWebhook(WEBHOOK_URL, "a-secret-of-24-characters", QUIET_EVENT_TYPE);
        lms.certificateProvider(courseKey, "http://localhost:9/provider", "fixture-template", "verified");
        return new Fixture(courseKey, examUsageKey, Keys.usageKey(courseKey, "homework"), learner, learnerId,
                bystander, examId, attemptId, webhookId, chapter);
    }
}
