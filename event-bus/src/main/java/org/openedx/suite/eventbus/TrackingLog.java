package org.openedx.suite.eventbus;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One tracking log as a service's code makes it, before the tracker writes it as Open edX's {@code TrackingLogData}.
 *
 * @param name    Open edX's tracking name, e.g. {@code edx.course.enrollment.activated}
 * @param time    when it happened: the time of the change it records
 * @param data    the event's own fields, as Open edX's tracking logs name them ({@code user_id}, {@code course_id}, ...)
 * @param context where it happened ({@code course_id}, {@code org_id}, {@code user_id}, ...)
 */
public record TrackingLog(String name, Instant time, Map<String, ?> data, Map<String, ?> context) {

    public TrackingLog {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(time, "time");
        data = Map.copyOf(data);
        context = Map.copyOf(context);
    }
}
