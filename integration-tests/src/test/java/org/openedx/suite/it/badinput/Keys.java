package org.openedx.suite.it.badinput;

import static org.openedx.suite.it.badinput.BadRequest.ANY_4XX;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Keys, usernames and ids, valid and fresh or malformed in the ways clients get them wrong. */
final class Keys {

    private final String run = UUID.randomUUID().toString().substring(0, 6);
    private final AtomicInteger counter = new AtomicInteger();

    /** A path segment that is wrong, what it deserves where a key is looked up, and the field a 400 names. */
    record Segment(String label, String raw, int status, boolean namesField) {
    }

    String courseKey() {
        return "course-v1:BadInput+C" + run + "n" + counter.incrementAndGet() + "+2026";
    }

    String username() {
        return "bad_" + run + "_" + counter.incrementAndGet();
    }

    /** A learner id no one has, so an attempt for them cannot collide with an existing one. */
    long userId() {
        return 7_000_000L + counter.incrementAndGet();
    }

    static String usageKey(String courseKey, String block) {
        return courseKey.replace("course-v1:", "block-v1:") + "+type@sequential+block@" + block;
    }

    String usageKeyIn(String courseKey) {
        return usageKey(courseKey, "b" + counter.incrementAndGet());
    }

    /** A well-formed course key longer than any Open edX course key can be (their columns hold 255 characters). */
    static String longCourseKey(int length) {
        String start = "course-v1:edX+";
        String end = "+2026";
        return start + "X".repeat(length - start.length() - end.length()) + end;
    }

    /** Percent-encoded for a path segment or a query value: a space as {@code %20}, a {@code +} as {@code %2B}. */
    static String encode(String text) {
        // URLEncoder writes a + as %2B already, and a space as +, which a query would read back as a space
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Course keys malformed in a path: those the application sees are refused as a course key (400 naming it); those
     * the container refuses (encoded slash, NUL, backslash) are 400 too; a traversal is normalised by the container
     * onto some other path, where any 4xx is right.
     */
    static List<Segment> badCourseKeysInPath() {
        return List.of(
                new Segment("course key with two parts", "course-v1:edX+Demo", 400, true),
                new Segment("course key with a space", "course-v1:edX+De%20mo+2026", 400, true),
                new Segment("usage key in the course-key slot",
                        "block-v1:edX+DemoX+2026+type@sequential+block@exam1", 400, true),
                new Segment("course key in upper case", "COURSE-V1:edX+DemoX+2026", 400, true),
                new Segment("old slash-separated course key", "edX%2FDemoX%2F2026", 400, false),
                new Segment("course key with non-ASCII letters", "course-v1:" + encode("édX+Ω+2026"), 400, true),
                new Segment("course key with an encoded slash", "course-v1:edX%2FDemoX+2026", 400, false),
                new Segment("course key with a NUL byte", "course-v1:edX+Demo%00X+2026", 400, false),
                new Segment("course key with a backslash", "course-v1:edX%5CDemoX+2026", 400, false),
                new Segment("course key with an encoded semicolon", "course-v1:edX+DemoX+2026%3Bx=1", 400, true),
                new Segment("course key with a percent sign", "course-v1:edX+Demo%25X+2026", 400, true),
                new Segment("course key with a newline", "course-v1:edX+DemoX+2026%0A", 400, false),
                new Segment("encoded path traversal", "..%2F..%2Fetc%2Fpasswd", 400, false),
                new Segment("path traversal", "../../../etc/passwd", ANY_4XX, false),
                new Segment("course key of 10,000 characters", longCourseKey(10_000), ANY_4XX, false));
    }

    /** Usernames that no learner has or can have, for the path of a learner's resource: 404, or 400 from the container. */
    static List<Segment> badUsernamesInPath() {
        return List.of(
                new Segment("unknown username", "nobody_at_all", 404, false),
                new Segment("username of 300 characters", "u".repeat(300), 404, false),
                new Segment("username with a space", "bad%20name", 404, false),
                new Segment("username with non-ASCII letters", encode("名前"), 404, false),
                new Segment("username with an encoded slash", "bad%2Fname", 400, false),
                new Segment("username with a NUL byte", "bad%00name", 400, false),
                new Segment("username path traversal", "..", ANY_4XX, false));
    }

    /** Numeric ids that are not numbers, not longs, or name nothing. */
    static List<Segment> badIdsInPath() {
        return List.of(
                new Segment("non-numeric id", "abc", 400, true),
                new Segment("fractional id", "1.5", 400, true),
                new Segment("id beyond the range of a long", "99999999999999999999", 400, true),
                new Segment("blank id", "%20", 400, true),
                new Segment("id with an SQL fragment", "1%20OR%201=1", 400, true),
                new Segment("negative id", "-1", 404, false),
                new Segment("zero id", "0", 404, false),
                new Segment("unknown id", "987654321", 404, false));
    }
}
