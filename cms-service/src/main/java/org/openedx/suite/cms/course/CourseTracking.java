package org.openedx.suite.cms.course;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openedx.suite.eventbus.TrackingLog;
import org.openedx.suite.web.security.Caller;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The CMS's tracking logs (issue 15), as Open edX's Studio names them: {@code edx.course.published} when a course is
 * published, at the publish's time. {@code data}: {@code course_id} and, when a user of the LMS published it (their
 * token's {@code user_id}), that {@code user_id}; a client's token (the operator, an integration) names no user.
 * {@code context}: {@code course_id}, {@code org_id}, the same {@code user_id}, {@code event_source: server} and the
 * request's {@code path}.
 */
final class CourseTracking {

    static final String COURSE_PUBLISHED = "edx.course.published";

    /** Every name the CMS can emit: the default of {@code EVENT_BUS_TRACKING_LOGS}. */
    static final List<String> NAMES = List.of(COURSE_PUBLISHED);

    private CourseTracking() {
    }

    static TrackingLog published(String courseKey, Caller caller, Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("course_id", courseKey);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("course_id", courseKey);
        context.put("org_id", courseKey.substring(courseKey.indexOf(':') + 1, courseKey.indexOf('+')));
        if (caller.isUser()) {
            data.put("user_id", caller.userId());
            context.put("user_id", caller.userId());
        }
        context.put("event_source", "server");
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            context.put("path", UriUtils.decode(request.getRequest().getRequestURI(), StandardCharsets.UTF_8));
        }
        return new TrackingLog(COURSE_PUBLISHED, at, data, context);
    }
}
