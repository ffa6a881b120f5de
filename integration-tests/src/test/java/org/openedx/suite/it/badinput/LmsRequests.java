package org.openedx.suite.it.badinput;

import static org.openedx.suite.it.badinput.BadRequest.ANY_4XX;
import static org.openedx.suite.it.badinput.Field.optional;
import static org.openedx.suite.it.badinput.Field.required;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openedx.suite.it.badinput.Field.Kind;
import org.openedx.suite.runner.SuiteService;

/** lms-service: learners, enrollments, grades, certificates, credit and completion. */
final class LmsRequests {

    private LmsRequests() {
    }

    static List<Endpoint> endpoints(Fixture fixture, Keys keys) {
        String courseKey = fixture.courseKey();
        String learner = fixture.learner();

        Endpoint createUser = Endpoint.of(SuiteService.LMS, "POST", "/api/users", "/api/users")
                .body(() -> user(keys.username()), required("username", Kind.TEXT), required("email", Kind.TEXT),
                        required("name", Kind.TEXT).mayBeBlank())
                .set("username of 151 characters", "username", "u".repeat(151), 400, "username")
                .set("username of 300 characters", "username", "u".repeat(300), 400, "username")
                .set("username with a space", "username", "bad name", 400, "username")
                .set("username with a slash", "username", "bad/name", 400, "username")
                .set("password of 7 characters", "password", "short12", 400, "password")
                .set("password of 129 characters", "password", "p".repeat(129), 400, "password")
                .set("password as a number", "password", 12345678, 400, "password")
                .set("username with non-ASCII letters", "username", "名前", 400, "username")
                .set("username with a NUL character", "username", "bad\u0000name", 400, "username")
                .set("username that exists", "username", learner, 409, "username")
                .set("email without an at sign", "email", "not-an-email", 400, "email")
                .set("email of 300 characters", "email", "e".repeat(290) + "@example.org", 400, "email")
                .set("name of 256 characters", "name", "n".repeat(256), 400, "name")
                .set("name of 10,000 characters", "name", "n".repeat(10_000), 400, "name")
                .set("name with a NUL character", "name", "Ada\u0000Lovelace", 400, "name")
                .wrongMethod("PATCH")
                .wrongMethod("DELETE");

        Endpoint getUser = Endpoint.of(SuiteService.LMS, "GET", "/api/users/{username}", "/api/users/" + learner)
                .usernamesInPath(username -> "/api/users/" + username)
                .wrongMethod("DELETE")
                .wrongMethod("PUT");

        Endpoint getCourse = Endpoint.of(SuiteService.LMS, "GET", "/api/courses/{course_key}",
                        "/api/courses/" + courseKey)
                .courseKeysInPath(key -> "/api/courses/" + key)
                .pathCase("unknown course", "/api/courses/" + keys.courseKey(), 404, null)
                .pathCase("course key of 300 characters", "/api/courses/" + Keys.longCourseKey(300), 400, "course_key")
                .wrongMethod("DELETE")
                .wrongMethod("POST");

        Endpoint gradingPolicy = Endpoint.of(SuiteService.LMS, "PUT", "/api/courses/{course_key}/grading-policy",
                        "/api/courses/" + courseKey + "/grading-policy")
                .body(() -> policy(0.75, true), optional("passing_grade", Kind.DECIMAL),
                        optional("credit_course", Kind.BOOLEAN))
                .set("passing_grade 1.5", "passing_grade", 1.5, 400, "passing_grade")
                .set("passing_grade 1.01", "passing_grade", 1.01, 400, "passing_grade")
                .set("negative passing_grade", "passing_grade", -0.1, 400, "passing_grade")
                .set("passing_grade with three decimals", "passing_grade", 0.555, 400, "passing_grade")
                .set("passing_grade 1e400", "passing_grade", new BigDecimal("1E+400"), 400, "passing_grade")
                .set("passing_grade 1e-400", "passing_grade", new BigDecimal("1E-400"), 400, "passing_grade")
                .set("credit_course as yes", "credit_course", "yes", 400, "credit_course")
                .courseKeysInPath(key -> "/api/courses/" + key + "/grading-policy")
                // Open edX keys fit in 255 characters; a policy for a longer one is for a course that cannot exist
                .pathCase("course key of 300 characters",
                        "/api/courses/" + Keys.longCourseKey(300) + "/grading-policy", 400, "course_key")
                .wrongMethod("POST")
                .wrongMethod("DELETE");

        Endpoint enroll = Endpoint.of(SuiteService.LMS, "POST", "/api/enrollments", "/api/enrollments")
                .body(() -> enrollment(fixture.bystander(), courseKey, "verified"), required("username", Kind.TEXT),
                        required("course_key", Kind.TEXT), required("mode", Kind.ENUM))
                .set("mode paid", "mode", "paid", 400, "mode")
                .set("mode in upper case", "mode", "VERIFIED", 400, "mode")
                .set("mode with an underscore", "mode", "no_id_professional", 400, "mode")
                .set("mode with a trailing space", "mode", "verified ", 400, "mode")
                .courseKeysInBody("course_key")
                .set("course_key of an unknown course", "course_key", keys.courseKey(), 404, null)
                .set("course_key of 300 characters", "course_key", Keys.longCourseKey(300), ANY_4XX, null)
                .set("unknown username", "username", "nobody_at_all", 404, null)
                .set("username of 300 characters", "username", "u".repeat(300), ANY_4XX, null)
                .set("username with a NUL character", "username", "bad\u0000name", ANY_4XX, null)
                .wrongMethod("PUT")
                .wrongMethod("DELETE");

        String scorePath = "/api/grades/" + courseKey + "/" + learner + "/subsections/" + fixture.gradedUsageKey();
        String otherCourseBlock = Keys.usageKey("course-v1:edX+Other+2026", "homework");
        Endpoint score = Endpoint.of(SuiteService.LMS, "PUT",
                        "/api/grades/{course_key}/{username}/subsections/{usage_key}", scorePath)
                .body(() -> score(3, 10), required("earned", Kind.DECIMAL), required("possible", Kind.DECIMAL))
                .set("earned greater than possible", "earned", 11, 400, "earned")
                .set("negative earned", "earned", -1, 400, "earned")
                .set("earned with nine integer digits", "earned", 123_456_789, 400, "earned")
                .set("earned with five decimals", "earned", 0.00001, 400, "earned")
                .set("earned 1e400", "earned", new BigDecimal("1E+400"), 400, "earned")
                .set("possible 0", "possible", 0, 400, "possible")
                .set("negative possible", "possible", -10, 400, "possible")
                .courseKeysInPath(key -> "/api/grades/" + key + "/" + learner + "/subsections/"
                        + fixture.gradedUsageKey())
                .usernamesInPath(username -> "/api/grades/" + courseKey + "/" + username + "/subsections/"
                        + fixture.gradedUsageKey())
                .pathCase("learner not enrolled", "/api/grades/" + courseKey + "/" + fixture.bystander()
                        + "/subsections/" + fixture.gradedUsageKey(), 404, null)
                .pathCase("usage key with two parts", usagePath(courseKey, learner, "block-v1:edX+DemoX"), 400,
                        "usage_key")
                .pathCase("course key in the usage-key slot", usagePath(courseKey, learner, courseKey), 400,
                        "usage_key")
                .pathCase("usage key with a space", usagePath(courseKey, learner,
                        fixture.gradedUsageKey().replace("homework", "home%20work")), 400, "usage_key")
                .pathCase("usage key with non-ASCII letters", usagePath(courseKey, learner,
                        fixture.gradedUsageKey().replace("homework", Keys.encode("домашка"))), 400, "usage_key")
                .pathCase("usage key without a type", usagePath(courseKey, learner,
                        fixture.gradedUsageKey().replace("type@sequential+", "")), 400, "usage_key")
                .pathCase("usage key of another course", usagePath(courseKey, learner, otherCourseBlock), 400,
                        "usage_key")
                .pathCase("usage key with an encoded slash", usagePath(courseKey, learner,
                        fixture.gradedUsageKey().replace("homework", "home%2Fwork")), 400, null)
                // Open edX usage keys fit in 255 characters
                .pathCase("usage key of 300 characters", usagePath(courseKey, learner,
                        Keys.usageKey(courseKey, "b".repeat(300))), 400, "usage_key")
                .wrongMethod("POST")
                .wrongMethod("DELETE");

        Endpoint grade = Endpoint.of(SuiteService.LMS, "GET", "/api/grades/{course_key}/{username}",
                        "/api/grades/" + courseKey + "/" + learner)
                .courseKeysInPath(key -> "/api/grades/" + key + "/" + learner)
                .usernamesInPath(username -> "/api/grades/" + courseKey + "/" + username)
                .pathCase("learner not enrolled", "/api/grades/" + courseKey + "/" + fixture.bystander(), 404, null)
                .wrongMethod("POST")
                .wrongMethod("DELETE");

        Endpoint certificates = Endpoint.of(SuiteService.LMS, "GET", "/api/certificates", "/api/certificates")
                .pathCase("no username", "/api/certificates", 400, "username")
                .query("unknown username", "username=nobody_at_all", 404, null)
                .query("username of 300 characters", "username=" + "u".repeat(300), 404, null)
                .query("username with a NUL byte", "username=bad%00name", ANY_4XX, null)
                .query("username given twice", "username=" + learner + "&username=" + fixture.bystander(), ANY_4XX,
                        null)
                .wrongMethod("DELETE")
                .wrongMethod("PUT");

        Endpoint invalidate = Endpoint.of(SuiteService.LMS, "POST",
                        "/api/certificates/{course_key}/{username}/invalidate",
                        "/api/certificates/" + courseKey + "/" + learner + "/invalidate")
                .pathCase("learner without a certificate",
                        "/api/certificates/" + courseKey + "/" + learner + "/invalidate", 404, null)
                .courseKeysInPath(key -> "/api/certificates/" + key + "/" + learner + "/invalidate")
                .usernamesInPath(username -> "/api/certificates/" + courseKey + "/" + username + "/invalidate")
                .wrongMethod("PUT")
                .wrongMethod("DELETE");

        Endpoint credit = learnerInCourse("/api/credit", fixture, keys);
        Endpoint completion = learnerInCourse("/api/completion", fixture, keys);

        // on in the suite under test (SUITE_DEV_TOKENS), so that tests can act as learners
        Endpoint devToken = Endpoint.of(SuiteService.LMS, "POST", "/api/dev/tokens", "/api/dev/tokens")
                .body(() -> new LinkedHashMap<>(Map.of("username", learner)), required("username", Kind.TEXT))
                .wrongMethod("GET")
                .wrongMethod("DELETE");
        String staff = "/api/courses/" + courseKey + "/staff";
        Endpoint listStaff = Endpoint.of(SuiteService.LMS, "GET", "/api/courses/{course_key}/staff", staff)
                .courseKeysInPath(key -> "/api/courses/" + key + "/staff")
                .wrongMethod("PUT")
                .wrongMethod("DELETE");
        Endpoint addStaff = Endpoint.of(SuiteService.LMS, "POST", "/api/courses/{course_key}/staff/{username}",
                        staff + "/" + learner)
                .courseKeysInPath(key -> "/api/courses/" + key + "/staff/" + learner)
                .usernamesInPath(username -> staff + "/" + username)
                .wrongMethod("PUT");
        Endpoint removeStaff = Endpoint.of(SuiteService.LMS, "DELETE", "/api/courses/{course_key}/staff/{username}",
                        staff + "/" + fixture.bystander())
                .pathCase("a user who is not staff of the run", staff + "/" + fixture.bystander(), 404, null)
                .courseKeysInPath(key -> "/api/courses/" + key + "/staff/" + fixture.bystander())
                .usernamesInPath(username -> staff + "/" + username);
        return List.of(createUser, getUser, getCourse, gradingPolicy, enroll, score, grade, certificates, invalidate,
                credit, completion, devToken, listStaff, addStaff, removeStaff);
    }

    /** {@code GET <base>/{course_key}/{username}}: a learner's view of a course. */
    private static Endpoint learnerInCourse(String base, Fixture fixture, Keys keys) {
        String courseKey = fixture.courseKey();
        String learner = fixture.learner();
        return Endpoint.of(SuiteService.LMS, "GET", base + "/{course_key}/{username}",
                        base + "/" + courseKey + "/" + learner)
                .courseKeysInPath(key -> base + "/" + key + "/" + learner)
                .pathCase("unknown course", base + "/" + keys.courseKey() + "/" + learner, 404, null)
                .usernamesInPath(username -> base + "/" + courseKey + "/" + username)
                .wrongMethod("POST")
                .wrongMethod("DELETE");
    }

    private static String usagePath(String courseKey, String username, String usageKey) {
        return "/api/grades/" + courseKey + "/" + username + "/subsections/" + usageKey;
    }

    private static Map<String, Object> user(String username) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("email", username + "@example.org");
        user.put("name", "Should Never Exist");
        return user;
    }

    private static Map<String, Object> policy(double passingGrade, boolean creditCourse) {
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("passing_grade", passingGrade);
        policy.put("credit_course", creditCourse);
        return policy;
    }

    private static Map<String, Object> enrollment(String username, String courseKey, String mode) {
        Map<String, Object> enrollment = new LinkedHashMap<>();
        enrollment.put("username", username);
        enrollment.put("course_key", courseKey);
        enrollment.put("mode", mode);
        return enrollment;
    }

    private static Map<String, Object> score(double earned, double possible) {
        Map<String, Object> score = new LinkedHashMap<>();
        score.put("earned", earned);
        score.put("possible", possible);
        return score;
    }
}
