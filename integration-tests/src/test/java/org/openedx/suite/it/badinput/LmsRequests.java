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

        Endpoint credit = learnerInCourse("GET", "/api/credit", fixture, keys)
                .wrongMethod("POST")
                .wrongMethod("DELETE");
        Endpoint completion = learnerInCourse("GET", "/api/completion", fixture, keys)
                .wrongMethod("POST")
                .wrongMethod("DELETE");
        Endpoint enrollment = enrollmentOfLearner("GET", fixture, keys)
                .wrongMethod("PUT")
                .wrongMethod("POST");
        Endpoint unenroll = enrollmentOfLearner("DELETE", fixture, keys);

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
        List<Endpoint> endpoints = new java.util.ArrayList<>(List.of(createUser, getUser, getCourse, gradingPolicy,
                enroll, enrollment, unenroll, score, grade, certificates, invalidate, credit, completion, devToken,
                listStaff, addStaff, removeStaff));
        endpoints.addAll(webhooks(fixture));
        endpoints.addAll(certificateProvider(fixture, keys));
        endpoints.addAll(ora(fixture, keys));
        return endpoints;
    }

    /** The operator's webhook subscriptions (issue 13). */
    private static List<Endpoint> webhooks(Fixture fixture) {
        String one = "/api/webhooks/" + fixture.webhookId();
        Endpoint create = Endpoint.of(SuiteService.LMS, "POST", "/api/webhooks", "/api/webhooks")
                .body(() -> subscription(), required("event_types", Kind.LIST), required("url", Kind.TEXT),
                        required("secret", Kind.TEXT), optional("active", Kind.BOOLEAN),
                        optional("field_mapping", Kind.OBJECT))
                .set("event_types empty", "event_types", List.of(), 400, "event_types")
                .set("event_types with an unknown type", "event_types", List.of("org.openedx.no.such.v1"), 400,
                        "event_types[0]")
                .set("url on a private network", "url", "https://10.1.2.3/hooks", 400, "url")
                .set("url of the cloud metadata service", "url", "https://169.254.169.254/latest", 400, "url")
                .set("url of the loopback address", "url", "https://[::1]/hooks", 400, "url")
                .set("url with plain http to a host not allowed", "url", "http://93.184.215.14/hooks", 400, "url")
                .set("url with a user and password", "url", "https://user:pw@93.184.215.14/hooks", 400, "url")
                .set("url with another scheme", "url", "ftp://93.184.215.14/hooks", 400, "url")
                .set("url that is no URL", "url", "not a url", 400, "url")
                .set("url of 3000 characters", "url", "https://example.org/" + "a".repeat(3000), 400, "url")
                .set("secret of 15 characters", "secret", "s".repeat(15), 400, "secret")
                .set("secret of 300 characters", "secret", "s".repeat(300), 400, "secret")
                .set("field_mapping with a bad path", "field_mapping", Map.of("course", "Data Course"), 400,
                        "field_mapping.course")
                .set("field_mapping with a bad field name", "field_mapping", Map.of("a b", "type"), 400,
                        "field_mapping.a b")
                .set("field_mapping empty", "field_mapping", Map.of(), 400, "field_mapping")
                .wrongMethod("DELETE")
                .wrongMethod("PATCH");
        Endpoint list = Endpoint.of(SuiteService.LMS, "GET", "/api/webhooks", "/api/webhooks")
                .wrongMethod("PUT");
        Endpoint show = Endpoint.of(SuiteService.LMS, "GET", "/api/webhooks/{id}", one)
                .idsInPath("id", id -> "/api/webhooks/" + id)
                .wrongMethod("POST");
        Endpoint update = Endpoint.of(SuiteService.LMS, "PUT", "/api/webhooks/{id}", one)
                .body(() -> subscription(), required("event_types", Kind.LIST), required("url", Kind.TEXT),
                        optional("secret", Kind.TEXT), optional("active", Kind.BOOLEAN),
                        optional("field_mapping", Kind.OBJECT))
                .set("event_types with an unknown type", "event_types", List.of("org.openedx.no.such.v1"), 400,
                        "event_types[0]")
                .set("url on a private network", "url", "https://192.168.1.1/hooks", 400, "url")
                .set("secret of 15 characters", "secret", "s".repeat(15), 400, "secret")
                .idsInPath("id", id -> "/api/webhooks/" + id);
        Endpoint delete = Endpoint.of(SuiteService.LMS, "DELETE", "/api/webhooks/{id}", one)
                .idsInPath("id", id -> "/api/webhooks/" + id);
        Endpoint deliveries = Endpoint.of(SuiteService.LMS, "GET", "/api/webhooks/{id}/deliveries",
                        one + "/deliveries")
                .idsInPath("id", id -> "/api/webhooks/" + id + "/deliveries")
                .wrongMethod("DELETE");
        String unknownDelivery = one + "/deliveries/3f1c1a9e-4b4e-4c55-9a59-2f3b1a9e4b4e";
        Endpoint delivery = Endpoint.of(SuiteService.LMS, "GET", "/api/webhooks/{id}/deliveries/{delivery_id}",
                        unknownDelivery)
                .pathCase("unknown delivery", unknownDelivery, 404, null)
                .pathCase("delivery id that is no UUID", one + "/deliveries/not-a-uuid", 400, "delivery_id")
                .idsInPath("id", id -> "/api/webhooks/" + id + "/deliveries/3f1c1a9e-4b4e-4c55-9a59-2f3b1a9e4b4e")
                .wrongMethod("DELETE");
        Endpoint redeliver = Endpoint.of(SuiteService.LMS, "POST",
                        "/api/webhooks/{id}/deliveries/{delivery_id}/redeliver", unknownDelivery + "/redeliver")
                .pathCase("unknown delivery", unknownDelivery + "/redeliver", 404, null)
                .pathCase("delivery id that is no UUID", one + "/deliveries/12/redeliver", 400, "delivery_id")
                .idsInPath("id", id -> "/api/webhooks/" + id
                        + "/deliveries/3f1c1a9e-4b4e-4c55-9a59-2f3b1a9e4b4e/redeliver")
                .wrongMethod("GET");
        return List.of(create, list, show, update, delete, deliveries, delivery, redeliver);
    }

    /** A run's external certificate provider, set by its staff (issue 13). */
    private static List<Endpoint> certificateProvider(Fixture fixture, Keys keys) {
        String path = "/api/courses/" + fixture.courseKey() + "/certificate-provider";
        Endpoint configure = Endpoint.of(SuiteService.LMS, "PUT", "/api/courses/{course_key}/certificate-provider",
                        path)
                .body(() -> new LinkedHashMap<>(Map.of("url", "http://localhost:9/provider", "template_id", "t-2",
                        "modes", List.of("verified"))), required("url", Kind.TEXT), required("template_id", Kind.TEXT),
                        required("modes", Kind.LIST))
                .set("url on a private network", "url", "https://10.0.0.8/provider", 400, "url")
                .set("url with plain http to a host not allowed", "url", "http://93.184.215.14/p", 400, "url")
                .set("url that is no URL", "url", "::", 400, "url")
                .set("modes empty", "modes", List.of(), 400, "modes")
                .set("modes with an unknown mode", "modes", List.of("verified", "gold"), 400, "modes[1]")
                .set("template_id of 201 characters", "template_id", "t".repeat(201), 400, "template_id")
                .courseKeysInPath(key -> "/api/courses/" + key + "/certificate-provider")
                .wrongMethod("POST");
        Endpoint show = Endpoint.of(SuiteService.LMS, "GET", "/api/courses/{course_key}/certificate-provider", path)
                .courseKeysInPath(key -> "/api/courses/" + key + "/certificate-provider")
                .pathCase("a run without a provider", "/api/courses/" + keys.courseKey() + "/certificate-provider",
                        404, null);
        Endpoint remove = Endpoint.of(SuiteService.LMS, "DELETE", "/api/courses/{course_key}/certificate-provider",
                        path)
                .courseKeysInPath(key -> "/api/courses/" + key + "/certificate-provider")
                .pathCase("a run without a provider", "/api/courses/" + keys.courseKey() + "/certificate-provider",
                        404, null);
        return List.of(configure, show, remove);
    }

    /** Open response assessments, the plagiarism service's callback and notifications (issue 13). */
    private static List<Endpoint> ora(Fixture fixture, Keys keys) {
        String block = Keys.usageKey(fixture.courseKey(), "essay").replace("type@sequential", "type@openassessment");
        String path = "/api/ora/" + block + "/submissions";
        Endpoint submit = Endpoint.of(SuiteService.LMS, "POST", "/api/ora/{usage_key}/submissions", path)
                .body(() -> new LinkedHashMap<>(Map.of("text", "My essay", "username", fixture.learner())),
                        required("text", Kind.TEXT), optional("username", Kind.TEXT))
                .set("text of 100,001 characters", "text", "t".repeat(100_001), 400, "text")
                .set("unknown username", "username", "nobody_at_all", 404, null)
                .set("a learner not enrolled", "username", fixture.bystander(), 409, "username")
                .pathCase("usage key with two parts", "/api/ora/block-v1:edX+DemoX/submissions", 400, "usage_key")
                .pathCase("course key in the usage-key slot", "/api/ora/" + fixture.courseKey() + "/submissions",
                        400, "usage_key")
                .pathCase("usage key of 300 characters", "/api/ora/" + Keys.usageKey(fixture.courseKey(),
                        "b".repeat(300)) + "/submissions", 400, "usage_key")
                .wrongMethod("PUT");
        Endpoint list = Endpoint.of(SuiteService.LMS, "GET", "/api/ora/{usage_key}/submissions", path)
                .pathCase("usage key with two parts", "/api/ora/block-v1:edX+DemoX/submissions", 400, "usage_key")
                .pathCase("usage key with a space", "/api/ora/" + block.replace("essay", "es%20say") + "/submissions",
                        400, "usage_key")
                .wrongMethod("DELETE");
        byte[] verdict = ("{\"submission_uuid\": \"3f1c1a9e-4b4e-4c55-9a59-2f3b1a9e4b4e\", \"similarity\": 0.5}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String callback = "/api/ora/plagiarism-callbacks";
        // no token: the signature is what the LMS checks, and every case here lacks a valid one
        Endpoint plagiarismCallback = Endpoint.of(SuiteService.LMS, "POST", callback, callback)
                .raw("a verdict without a signature", "POST", callback, BadRequest.JSON, verdict, 401,
                        "webhook-signature")
                .raw("an empty body without a signature", "POST", callback, BadRequest.JSON, new byte[0], 400, null)
                .raw("a verdict as text without a signature", "POST", callback, "text/plain", verdict, 401,
                        "webhook-signature")
                .wrongMethod("GET");
        Endpoint notifications = Endpoint.of(SuiteService.LMS, "GET", "/api/notifications", "/api/notifications")
                .pathCase("no username", "/api/notifications", 400, "username")
                .query("unknown username", "username=nobody_at_all", 404, null)
                .query("username with a NUL byte", "username=bad%00name", ANY_4XX, null)
                .wrongMethod("POST");
        Endpoint programRecords = Endpoint.of(SuiteService.LMS, "GET", "/api/programs/certificates",
                        "/api/programs/certificates")
                .pathCase("no username", "/api/programs/certificates", 400, "username")
                .query("unknown username", "username=nobody_at_all", 404, null)
                .query("username with a NUL byte", "username=bad%00name", ANY_4XX, null)
                .wrongMethod("POST");
        return List.of(submit, list, plagiarismCallback, notifications, programRecords);
    }

    private static Map<String, Object> subscription() {
        return new LinkedHashMap<>(Map.of("event_types", List.of(Fixture.QUIET_EVENT_TYPE),
                "url", Fixture.WEBHOOK_URL, "secret", "a-secret-of-24-characters"));
    }

    /** {@code <method> <base>/{course_key}/{username}}: a learner's view of a course, or their enrollment. */
    private static Endpoint learnerInCourse(String method, String base, Fixture fixture, Keys keys) {
        String courseKey = fixture.courseKey();
        String learner = fixture.learner();
        return Endpoint.of(SuiteService.LMS, method, base + "/{course_key}/{username}",
                        base + "/" + courseKey + "/" + learner)
                .courseKeysInPath(key -> base + "/" + key + "/" + learner)
                .pathCase("unknown course", base + "/" + keys.courseKey() + "/" + learner, 404, null)
                .usernamesInPath(username -> base + "/" + courseKey + "/" + username);
    }

    /** {@code <method> /api/enrollments/{course_key}/{username}}: an enrollment, read or ended (issue 15). */
    private static Endpoint enrollmentOfLearner(String method, Fixture fixture, Keys keys) {
        String base = "/api/enrollments/";
        return learnerInCourse(method, "/api/enrollments", fixture, keys)
                .pathCase("course key of 300 characters", base + Keys.longCourseKey(300) + "/" + fixture.learner(),
                        400, "course_key")
                .pathCase("a learner who never enrolled", base + fixture.courseKey() + "/" + fixture.bystander(), 404,
                        null);
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
