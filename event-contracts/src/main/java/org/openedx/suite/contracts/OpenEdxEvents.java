package org.openedx.suite.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The event types of this suite's flows, with their topics and key fields as Open edX defines them. */
public final class OpenEdxEvents {

    // the producing services: each type has one, and its events' ce_source names it
    private static final String CMS = "cms";
    private static final String LMS = "lms";
    private static final String EXAMS = "exams";
    private static final String CREDENTIALS = "credentials";

    public static final EventType<CatalogInfoChangedEvent> COURSE_CATALOG_INFO_CHANGED = new EventType<>(
            "org.openedx.content_authoring.course.catalog_info.changed.v1", Topics.COURSE_CATALOG_INFO_CHANGED, CMS,
            CatalogInfoChangedEvent.class, e -> e.catalogInfo().courseKey());

    public static final EventType<CertificateEvent> CERTIFICATE_CREATED = certificate("created");
    public static final EventType<CertificateEvent> CERTIFICATE_CHANGED = certificate("changed");
    public static final EventType<CertificateEvent> CERTIFICATE_REVOKED = certificate("revoked");

    public static final EventType<ExamAttemptEvent> EXAM_ATTEMPT_SUBMITTED = examAttempt("submitted");
    public static final EventType<ExamAttemptEvent> EXAM_ATTEMPT_VERIFIED = examAttempt("verified");
    public static final EventType<ExamAttemptEvent> EXAM_ATTEMPT_REJECTED = examAttempt("rejected");
    public static final EventType<ExamAttemptEvent> EXAM_ATTEMPT_ERRORED = examAttempt("errored");
    public static final EventType<ExamAttemptEvent> EXAM_ATTEMPT_RESET = examAttempt("reset");

    public static final EventType<CoursePassingStatusEvent> COURSE_PASSING_STATUS_UPDATED = new EventType<>(
            "org.openedx.learning.course.passing.status.updated.v1", Topics.LEARNING_BADGES_LIFECYCLE, LMS,
            CoursePassingStatusEvent.class, e -> e.coursePassingStatus().course().courseKey());

    public static final EventType<ProgramCertificateEvent> PROGRAM_CERTIFICATE_AWARDED = programCertificate("awarded");
    public static final EventType<ProgramCertificateEvent> PROGRAM_CERTIFICATE_REVOKED = programCertificate("revoked");

    public static final EventType<CcxCoursePassingStatusEvent> CCX_COURSE_PASSING_STATUS_UPDATED = new EventType<>(
            "org.openedx.learning.ccx.course.passing.status.updated.v1", Topics.LEARNING_BADGES_LIFECYCLE, LMS,
            CcxCoursePassingStatusEvent.class, e -> e.coursePassingStatus().course().ccxCourseKey());

    public static final EventType<BadgeEvent> BADGE_AWARDED = badge("awarded");
    public static final EventType<BadgeEvent> BADGE_REVOKED = badge("revoked");

    /**
     * A tracking log as Open edX's tracker sends it over the bus ({@code EVENT_BUS_TRACKING_LOGS}), keyed by its name.
     * The one type with several producers: every service that tracks what its users do.
     */
    public static final EventType<TrackingEvent> TRACKING_EVENT_EMITTED = new EventType<>(
            "org.openedx.analytics.tracking.event.emitted.v1", Topics.ANALYTICS, Set.of(LMS, EXAMS, CMS),
            TrackingEvent.class, e -> e.trackingLog().name());

    /** Blocks as authors publish, delete and duplicate them, on Open edX's topic, keyed by usage key. */
    public static final EventType<ContentAuthoringEvents.XBlockPublished> XBLOCK_PUBLISHED = new EventType<>(
            ContentAuthoringEvents.XBlockPublished.TYPE, Topics.CONTENT_AUTHORING_XBLOCK_LIFECYCLE, CMS,
            ContentAuthoringEvents.XBlockPublished.class, e -> e.xblockInfo().usageKey());
    public static final EventType<ContentAuthoringEvents.XBlockDeleted> XBLOCK_DELETED = new EventType<>(
            ContentAuthoringEvents.XBlockDeleted.TYPE, Topics.CONTENT_AUTHORING_XBLOCK_LIFECYCLE, CMS,
            ContentAuthoringEvents.XBlockDeleted.class, e -> e.xblockInfo().usageKey());
    public static final EventType<ContentAuthoringEvents.XBlockDuplicated> XBLOCK_DUPLICATED = new EventType<>(
            ContentAuthoringEvents.XBlockDuplicated.TYPE, Topics.CONTENT_AUTHORING_XBLOCK_LIFECYCLE, CMS,
            ContentAuthoringEvents.XBlockDuplicated.class, e -> e.xblockInfo().usageKey());

    public static final List<EventType<?>> ALL = List.of(
            COURSE_CATALOG_INFO_CHANGED,
            CERTIFICATE_CREATED, CERTIFICATE_CHANGED, CERTIFICATE_REVOKED,
            EXAM_ATTEMPT_SUBMITTED, EXAM_ATTEMPT_VERIFIED, EXAM_ATTEMPT_REJECTED, EXAM_ATTEMPT_ERRORED,
            EXAM_ATTEMPT_RESET,
            COURSE_PASSING_STATUS_UPDATED, CCX_COURSE_PASSING_STATUS_UPDATED,
            PROGRAM_CERTIFICATE_AWARDED, PROGRAM_CERTIFICATE_REVOKED,
            BADGE_AWARDED, BADGE_REVOKED,
            TRACKING_EVENT_EMITTED,
            XBLOCK_PUBLISHED, XBLOCK_DELETED, XBLOCK_DUPLICATED);

    private static final Map<String, EventType<?>> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));

    private OpenEdxEvents() {
    }

    /** The event types whose payload is {@code payloadType}, in the order of {@link #ALL}. */
    @SuppressWarnings("unchecked")
    public static <T> List<EventType<T>> withPayload(Class<T> payloadType) {
        return ALL.stream().filter(type -> type.payloadType().equals(payloadType))
                .map(type -> (EventType<T>) type).toList();
    }

    /** The event type named by a {@code ce_type} header, if this suite knows it. */
    public static Optional<EventType<?>> byName(String ceType) {
        return Optional.ofNullable(BY_NAME.get(ceType));
    }

    private static EventType<CertificateEvent> certificate(String change) {
        return new EventType<>("org.openedx.learning.certificate." + change + ".v1",
                Topics.LEARNING_CERTIFICATE_LIFECYCLE, LMS, CertificateEvent.class,
                e -> e.certificate().course().courseKey());
    }

    private static EventType<BadgeEvent> badge(String change) {
        return new EventType<>("org.openedx.learning.badge." + change + ".v1", Topics.LEARNING_BADGES_LIFECYCLE,
                CREDENTIALS, BadgeEvent.class, e -> e.badge().uuid());
    }

    private static EventType<ProgramCertificateEvent> programCertificate(String change) {
        return new EventType<>("org.openedx.learning.program.certificate." + change + ".v1",
                Topics.LEARNING_PROGRAM_CERTIFICATE_LIFECYCLE, CREDENTIALS, ProgramCertificateEvent.class,
                e -> e.programCertificate().program().uuid());
    }

    private static EventType<ExamAttemptEvent> examAttempt(String change) {
        return new EventType<>("org.openedx.learning.exam.attempt." + change + ".v1",
                Topics.LEARNING_EXAM_ATTEMPT_LIFECYCLE, EXAMS, ExamAttemptEvent.class,
                e -> e.examAttempt().courseKey());
    }
}
