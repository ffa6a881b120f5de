package org.openedx.suite.contracts;

import java.time.Instant;
import java.util.Map;

/** Realistic payloads of every kind, as the suite's services would send them. */
final class SamplePayloads {

    static final String COURSE_KEY = "course-v1:OpenedX+DemoX+2026_T1";
    static final Instant START = Instant.parse("2026-11-25T10:15:30.123456Z");
    static final Instant END = Instant.parse("2027-02-28T23:59:59Z");

    static final UserData LEARNER =
            new UserData(42L, true, new UserPersonalData("ada", "ada@example.org", "Ada Lovelace"));
    static final UserData INSTRUCTOR =
            new UserData(7L, true, new UserPersonalData("grace", "grace@example.org", "Grace Hopper"));
    static final CourseData COURSE = new CourseData(COURSE_KEY, "Demonstration Course", START, END);

    static final CatalogInfoChangedEvent CATALOG_INFO = new CatalogInfoChangedEvent(new CourseCatalogData(
            COURSE_KEY, "Demonstration Course",
            new CourseScheduleData(START, CourseScheduleData.INSTRUCTOR_PACED, END,
                    Instant.parse("2026-10-01T00:00:00Z"), null),
            false, false));

    static final CertificateEvent CERTIFICATE = new CertificateEvent(new CertificateData(
            LEARNER, COURSE, "verified", "0.85", "https://lms.example.org/certificates/abc123", "Ada Lovelace",
            "downloadable", "notpassing"));

    static final ExamAttemptEvent EXAM_ATTEMPT = new ExamAttemptEvent(new ExamAttemptData(
            LEARNER, COURSE_KEY, "block-v1:OpenedX+DemoX+2026_T1+type@sequential+block@final_exam", "proctored",
            INSTRUCTOR));

    static final CoursePassingStatusEvent PASSING_STATUS =
            new CoursePassingStatusEvent(new CoursePassingStatusData(true, COURSE, LEARNER));

    static final ProgramCertificateEvent PROGRAM_CERTIFICATE = new ProgramCertificateEvent(
            new ProgramCertificateData(LEARNER, new ProgramCertificateData.ProgramData(
                    "a9a8c1f5-3d33-4a55-9d2f-8c6a6d1e2b10", "Demonstration Program", "MicroMasters"),
                    "5b6e2f0a-1c2d-4e3f-8a9b-0c1d2e3f4a5b", "awarded", "/credentials/5b6e2f0a-1c2d-4e3f-8a9b-0c1d2e3f4a5b",
                    null));

    static final BadgeEvent BADGE = new BadgeEvent(new BadgeEvent.BadgeData("0f7c3c1e-52b8-4d7a-9a55-1b2c3d4e5f60",
            LEARNER, new BadgeEvent.BadgeTemplateData("7d2f1c3b-9e8a-4b5c-8d7e-6f5a4b3c2d1e", "credly",
            "Demonstration Badge", null, null)));

    static final String CCX_KEY = "ccx-v1:OpenedX+DemoX+2026_T1+ccx@3";
    static final CcxCoursePassingStatusEvent CCX_PASSING_STATUS = new CcxCoursePassingStatusEvent(
            new CcxCoursePassingStatusEvent.CcxCoursePassingStatusData(true, LEARNER,
                    new CcxCoursePassingStatusEvent.CcxCourseData(CCX_KEY, COURSE_KEY, "Demonstration CCX",
                            "coach@example.com", START, null, 30L)));

    static final TrackingEvent TRACKING_LOG = new TrackingEvent(new TrackingEvent.TrackingLogData(
            "edx.course.enrollment.activated", "2026-11-25T10:15:30.123456+00:00",
            "{\"user_id\": 42, \"course_id\": \"" + COURSE_KEY + "\", \"mode\": \"verified\"}",
            "{\"course_id\": \"" + COURSE_KEY + "\", \"org_id\": \"OpenedX\", \"user_id\": 42}"));

    static final String USAGE_KEY = "block-v1:OpenedX+DemoX+2026_T1+type@html+block@intro";
    static final ContentAuthoringEvents.XBlockData XBLOCK = new ContentAuthoringEvents.XBlockData(USAGE_KEY, "html");

    private static final Map<Class<?>, Object> BY_PAYLOAD_TYPE = Map.ofEntries(
            Map.entry(CatalogInfoChangedEvent.class, CATALOG_INFO),
            Map.entry(CertificateEvent.class, CERTIFICATE),
            Map.entry(ExamAttemptEvent.class, EXAM_ATTEMPT),
            Map.entry(CoursePassingStatusEvent.class, PASSING_STATUS),
            Map.entry(ProgramCertificateEvent.class, PROGRAM_CERTIFICATE),
            Map.entry(BadgeEvent.class, BADGE),
            Map.entry(CcxCoursePassingStatusEvent.class, CCX_PASSING_STATUS),
            Map.entry(TrackingEvent.class, TRACKING_LOG),
            Map.entry(ContentAuthoringEvents.XBlockPublished.class, new ContentAuthoringEvents.XBlockPublished(XBLOCK)),
            Map.entry(ContentAuthoringEvents.XBlockDeleted.class, new ContentAuthoringEvents.XBlockDeleted(XBLOCK)),
            Map.entry(ContentAuthoringEvents.XBlockDuplicated.class, new ContentAuthoringEvents.XBlockDuplicated(
                    new ContentAuthoringEvents.DuplicatedXBlockData(USAGE_KEY + "_copy", "html", USAGE_KEY))));

    private SamplePayloads() {
    }

    static <T> T of(EventType<T> eventType) {
        Object sample = BY_PAYLOAD_TYPE.get(eventType.payloadType());
        if (sample == null) {
            throw new IllegalStateException("no sample payload for " + eventType.payloadType().getName());
        }
        return eventType.payloadType().cast(sample);
    }
}
