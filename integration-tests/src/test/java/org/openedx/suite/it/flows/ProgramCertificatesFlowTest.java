package org.openedx.suite.it.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openedx.suite.it.clients.Cms;
import org.openedx.suite.it.clients.Lms;
import org.openedx.suite.it.support.Http;
import org.openedx.suite.it.support.RunningSuite;
import org.openedx.suite.runner.Suite;
import org.openedx.suite.runner.SuiteService;
import tools.jackson.databind.JsonNode;

/**
 * Program certificate sync (issue 14), every service its own process: a learner who passes every course of a program
 * gets the program certificate in credentials, which the LMS shows from its event; an invalidated course certificate
 * revokes it in both.
 */
class ProgramCertificatesFlowTest {

    private static final Duration EVENTUALLY = Duration.ofSeconds(90);

    @Test
    void passing_every_course_of_a_program_earns_its_certificate_and_an_invalidation_takes_it_away() {
        Suite suite = RunningSuite.with(SuiteService.CMS, SuiteService.LMS, SuiteService.CREDENTIALS);
        Cms cms = new Cms(suite.service(SuiteService.CMS).baseUrl());
        Lms lms = new Lms(suite.service(SuiteService.LMS).baseUrl());
        String credentials = suite.service(SuiteService.CREDENTIALS).baseUrl();
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> courses = List.of("course-v1:edX+ProgA" + run + "+2026", "course-v1:edX+ProgB" + run + "+2026");
        Http.Response created = Http.post(credentials + "/api/programs", Map.of("title", "Program " + run,
                "organization", "edX", "type", "MicroMasters", "course_keys", courses));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String program = created.json().path("uuid").asString();
        String learner = "prog_" + run;
        lms.createUser(learner);
        for (String course : courses) {
            cms.createAndPublish(course, "Program course " + course);
            await().atMost(EVENTUALLY).until(() -> lms.course(course), Optional::isPresent);
            lms.enroll(learner, course, "verified");
            lms.grade(course, learner, "block-v1:" + course.substring("course-v1:".length())
                    + "+type@sequential+block@final", 9, 10);
        }

        await().atMost(EVENTUALLY).until(() -> statusIn(credentials + "/api/program-certificates?username=" + learner,
                program), Optional.of("awarded")::equals);
        await().atMost(EVENTUALLY).until(() -> statusIn(suite.service(SuiteService.LMS).baseUrl()
                + "/api/programs/certificates?username=" + learner, program), Optional.of("awarded")::equals);

        lms.invalidateCertificate(courses.get(1), learner);

        await().atMost(EVENTUALLY).until(() -> statusIn(credentials + "/api/program-certificates?username=" + learner,
                program), Optional.of("revoked")::equals);
        await().atMost(EVENTUALLY).until(() -> statusIn(suite.service(SuiteService.LMS).baseUrl()
                + "/api/programs/certificates?username=" + learner, program), Optional.of("revoked")::equals);
    }

    private static Optional<String> statusIn(String url, String program) {
        Http.Response response = Http.get(url);
        if (response.status() != 200) {
            return Optional.empty();
        }
        for (JsonNode certificate : response.json()) {
            if (program.equals(certificate.path("program_uuid").asString())) {
                return Optional.of(certificate.path("status").asString());
            }
        }
        return Optional.empty();
    }
}
