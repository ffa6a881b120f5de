package org.openedx.suite.it.badinput;

import static org.openedx.suite.it.badinput.Field.object;
import static org.openedx.suite.it.badinput.Field.required;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openedx.suite.it.badinput.Field.Kind;
import org.openedx.suite.runner.SuiteService;

/** exams-service: exams, attempts and their reviews. */
final class ExamsRequests {

    private ExamsRequests() {
    }

    static List<Endpoint> endpoints(Fixture fixture, Keys keys) {
        String courseKey = fixture.courseKey();
        Field[] learner = {required("id", Kind.INTEGER), required("username", Kind.TEXT),
                required("email", Kind.TEXT), required("name", Kind.TEXT).mayBeBlank()};

        String longKey = Keys.longCourseKey(300);
        Endpoint create = Endpoint.of(SuiteService.EXAMS, "POST", "/api/exams", "/api/exams")
                .body(() -> exam(courseKey, keys.usageKeyIn(courseKey)), required("course_key", Kind.TEXT),
                        required("usage_key", Kind.TEXT), required("exam_type", Kind.ENUM),
                        required("name", Kind.TEXT), required("time_limit_mins", Kind.INTEGER))
                .set("exam_type oral", "exam_type", "oral", 400, "exam_type")
                .set("exam_type in upper case", "exam_type", "PROCTORED", 400, "exam_type")
                .set("time_limit_mins 0", "time_limit_mins", 0, 400, "time_limit_mins")
                .set("time_limit_mins 1441", "time_limit_mins", 1441, 400, "time_limit_mins")
                .set("negative time_limit_mins", "time_limit_mins", -5, 400, "time_limit_mins")
                .set("time_limit_mins beyond an int", "time_limit_mins", 2_147_483_648L, 400, "time_limit_mins")
                .set("time_limit_mins beyond a long", "time_limit_mins",
                        new BigInteger("99999999999999999999"), 400, "time_limit_mins")
                .set("name of 256 characters", "name", "n".repeat(256), 400, "name")
                .set("name of 10,000 characters", "name", "n".repeat(10_000), 400, "name")
                .set("name with a NUL character", "name", "Final\u0000exam", 400, "name")
                .courseKeysInBody("course_key")
                .set("usage_key with two parts", "usage_key", "block-v1:edX+DemoX", 400, "usage_key")
                .set("usage_key is a course key", "usage_key", courseKey, 400, "usage_key")
                .set("usage_key with a space", "usage_key", Keys.usageKey(courseKey, "mid term"), 400, "usage_key")
                .set("usage_key with a NUL character", "usage_key", Keys.usageKey(courseKey, "mid\u0000term"), 400,
                        "usage_key")
                .set("usage_key of another course", "usage_key",
                        Keys.usageKey("course-v1:edX+Other+2026", "midterm"), 400, "usage_key")
                .set("usage_key of an existing exam", "usage_key", fixture.examUsageKey(), 409, null)
                // Open edX keys fit in 255 characters: an exam for a longer one is in a course that cannot exist
                .bodyCase("course_key and usage_key of 300 characters", body -> Endpoint.with(
                        Endpoint.with(body, "course_key", longKey), "usage_key", Keys.usageKey(longKey, "midterm")),
                        400, "course_key")
                .set("usage_key of 300 characters", "usage_key", Keys.usageKey(courseKey, "b".repeat(300)), 400,
                        "usage_key")
                .wrongMethod("PUT")
                .wrongMethod("DELETE");

        Endpoint get = Endpoint.of(SuiteService.EXAMS, "GET", "/api/exams/{exam_id}", "/api/exams/" + fixture.examId())
                .idsInPath("exam_id", id -> "/api/exams/" + id)
                .wrongMethod("DELETE")
                .wrongMethod("PUT");

        Endpoint list = Endpoint.of(SuiteService.EXAMS, "GET", "/api/exams", "/api/exams")
                .query("course_key garbage", "course_key=garbage", 400, "course_key")
                .query("course_key with two parts", "course_key=course-v1:edX%2BDemo", 400, "course_key")
                .query("course_key is a usage key",
                        "course_key=block-v1:edX%2BDemoX%2B2026%2Btype@sequential%2Bblock@x", 400, "course_key")
                .query("course_key with a NUL byte", "course_key=course-v1:edX%2BDe%00mo%2B2026", 400, "course_key")
                .query("course_key with a SQL fragment", "course_key=" + Keys.encode("x' OR '1'='1"), 400,
                        "course_key")
                .wrongMethod("DELETE")
                .wrongMethod("PATCH");

        String attempts = "/api/exams/" + fixture.examId() + "/attempts";
        Endpoint start = Endpoint.of(SuiteService.EXAMS, "POST", "/api/exams/{exam_id}/attempts", attempts)
                .body(() -> Map.of("user", learner(keys.userId(), keys.username())), object("user", learner))
                .set("user.id 0", "user.id", 0, 400, "user.id")
                .set("negative user.id", "user.id", -1, 400, "user.id")
                .set("user.id beyond a long", "user.id", new BigInteger("99999999999999999999"), 400,
                        "user.id")
                .set("user.email without an at sign", "user.email", "not-an-email", 400, "user.email")
                .set("user.email of 10,000 characters", "user.email", "e".repeat(10_000) + "@example.org", 400,
                        "user.email")
                // the learner as the LMS knows them: the LMS has no username longer than 150 characters or with
                // characters outside letters, digits and _ . @ + -, and no name longer than 255
                .set("user.username of 300 characters", "user.username", "u".repeat(300), 400, "user.username")
                .set("user.username with a space and a slash", "user.username", "not a/username", 400,
                        "user.username")
                .set("user.username with a NUL character", "user.username", "bad\u0000name", 400, "user.username")
                .set("user.name of 10,000 characters", "user.name", "n".repeat(10_000), 400, "user.name")
                .set("user.name with a NUL character", "user.name", "Ada\u0000Lovelace", 400, "user.name")
                .set("a learner who has an attempt already", "user",
                        learner(fixture.learnerId(), fixture.learner()), 409, null)
                .idsInPath("exam_id", id -> "/api/exams/" + id + "/attempts")
                .wrongMethod("PUT")
                .wrongMethod("DELETE");

        String attempt = "/api/attempts/" + fixture.attemptId();
        Endpoint change = Endpoint.of(SuiteService.EXAMS, "PUT", "/api/attempts/{attempt_id}", attempt)
                // error is allowed from started: a wrongly accepted request would change the attempt
                .body(() -> Map.of("action", "error"), required("action", Kind.ENUM))
                .set("action in upper case", "action", "SUBMIT", 400, "action")
                .set("action approve", "action", "approve", 400, "action")
                .set("action as a status name", "action", "submitted", 400, "action")
                .set("verify a started attempt", "action", "verify", 409, null)
                .set("reject a started attempt", "action", "reject", 409, null)
                .idsInPath("attempt_id", id -> "/api/attempts/" + id)
                .wrongMethod("POST")
                .wrongMethod("PATCH");

        Endpoint reset = Endpoint.of(SuiteService.EXAMS, "DELETE", "/api/attempts/{attempt_id}", attempt)
                .body(() -> Map.of("requesting_user", learner(keys.userId(), keys.username())),
                        object("requesting_user", learner))
                .set("requesting_user.id 0", "requesting_user.id", 0, 400, "requesting_user.id")
                .set("requesting_user.email without an at sign", "requesting_user.email", "nope", 400,
                        "requesting_user.email")
                .set("requesting_user as user", "user", learner(keys.userId(), keys.username()), 400, "user")
                .idsInPath("attempt_id", id -> "/api/attempts/" + id);

        Endpoint getAttempt = Endpoint.of(SuiteService.EXAMS, "GET", "/api/attempts/{attempt_id}", attempt)
                .idsInPath("attempt_id", id -> "/api/attempts/" + id);

        Endpoint search = Endpoint.of(SuiteService.EXAMS, "GET", "/api/attempts", "/api/attempts")
                .query("course_key garbage", "username=" + fixture.learner() + "&course_key=garbage", 400,
                        "course_key")
                .query("course_key is a usage key", "course_key=" + Keys.encode(fixture.examUsageKey()), 400,
                        "course_key")
                .query("course_key with non-ASCII letters", "course_key=" + Keys.encode("course-v1:édX+Ω+2026"),
                        400, "course_key")
                .query("username with a NUL byte", "username=bad%00name", 400, "username")
                .wrongMethod("POST")
                .wrongMethod("DELETE");
        return List.of(create, get, list, start, change, reset, getAttempt, search);
    }

    private static Map<String, Object> exam(String courseKey, String usageKey) {
        Map<String, Object> exam = new LinkedHashMap<>();
        exam.put("course_key", courseKey);
        exam.put("usage_key", usageKey);
        exam.put("exam_type", "timed");
        exam.put("name", "An exam that must not exist");
        exam.put("time_limit_mins", 30);
        return exam;
    }

    private static Map<String, Object> learner(long id, String username) {
        Map<String, Object> learner = new LinkedHashMap<>();
        learner.put("id", id);
        learner.put("username", username);
        learner.put("email", username + "@example.org");
        learner.put("name", "Learner " + username);
        return learner;
    }
}
