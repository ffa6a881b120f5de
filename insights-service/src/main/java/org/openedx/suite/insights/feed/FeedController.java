package org.openedx.suite.insights.feed;

import org.openedx.suite.contracts.CourseKey;
import org.openedx.suite.web.ApiException;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** A course's statements as they are stored, as server-sent events (InsightsAccess: its staff and insights:read). */
@RestController
@Validated
class FeedController {

    static final int MAX_LAST = 100;

    private final LiveFeed feed;

    FeedController(LiveFeed feed) {
        this.feed = feed;
    }

    /** {@code statement} events, the newest {@code last} (default 10) first, then each new one. */
    @GetMapping(path = "/api/courses/{course_key}/feed", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter feed(@PathVariable("course_key") @CourseKey String courseKey,
                    @RequestParam(name = "last", required = false) String last) {
        return feed.open(courseKey, last(last));
    }

    private static int last(String value) {
        if (value == null) {
            return 10;
        }
        try {
            int last = Integer.parseInt(value);
            if (last >= 0 && last <= MAX_LAST) {
                return last;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("last", "must be a whole number from 0 to " + MAX_LAST + ", not " + value);
    }
}
