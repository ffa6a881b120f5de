package org.openedx.suite.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** How payloads look as JSON on the wire, and what a consumer accepts when reading them back. */
class EventJsonTest {

    static Stream<EventType<?>> eventTypes() {
        return OpenEdxEvents.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void a_payload_reads_back_equal_to_what_was_written(EventType<?> eventType) {
        assertRoundTrips(eventType);
    }

    private static <T> void assertRoundTrips(EventType<T> eventType) {
        T payload = SamplePayloads.of(eventType);

        T readBack = EventJson.read(EventJson.write(payload), eventType.payloadType());

        assertThat(readBack).isEqualTo(payload);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void the_message_key_is_the_course_key_or_the_ccx_or_program_or_badge_or_tracking_name_or_usage_key(EventType<?> eventType) {
        String expected = eventType.baseTopic().equals(Topics.CONTENT_AUTHORING_XBLOCK_LIFECYCLE)
                ? (eventType == OpenEdxEvents.XBLOCK_DUPLICATED ? SamplePayloads.USAGE_KEY + "_copy"
                : SamplePayloads.USAGE_KEY)
                : eventType.payloadType() == ProgramCertificateEvent.class
                ? SamplePayloads.PROGRAM_CERTIFICATE.programCertificate().program().uuid()
                : eventType.payloadType() == BadgeEvent.class ? SamplePayloads.BADGE.badge().uuid()
                : eventType.payloadType() == CcxCoursePassingStatusEvent.class ? SamplePayloads.CCX_KEY
                : eventType.payloadType() == TrackingEvent.class ? SamplePayloads.TRACKING_LOG.trackingLog().name()
                : SamplePayloads.COURSE_KEY;
        assertThat(keyOfSample(eventType)).isEqualTo(expected);
    }

    private static <T> String keyOfSample(EventType<T> eventType) {
        return eventType.keyOf(SamplePayloads.of(eventType));
    }

    @Test
    void datetimes_are_written_as_iso_strings_in_utc_with_microseconds_and_an_explicit_offset() {
        JsonNode course = tree(SamplePayloads.CERTIFICATE).path("certificate").path("course");

        assertThat(course.path("start").isString()).isTrue();
        assertThat(course.path("start").asString()).isEqualTo("2026-11-25T10:15:30.123456+00:00");
        assertThat(course.path("end").asString()).isEqualTo("2027-02-28T23:59:59.000000+00:00");
    }

    @Test
    void datetimes_with_any_offset_are_read_as_the_same_instant() {
        String json = """
                {"course_key": "course-v1:OpenedX+DemoX+2026_T1", "display_name": "Demo",
                 "start": "2026-11-25T12:15:30.123456+02:00", "end": "2027-02-28T23:59:59Z"}
                """;

        CourseData course = EventJson.read(json.getBytes(), CourseData.class);

        assertThat(course.start()).isEqualTo(Instant.parse("2026-11-25T10:15:30.123456Z"));
        assertThat(course.end()).isEqualTo(Instant.parse("2027-02-28T23:59:59Z"));
    }

    @Test
    void a_datetime_without_an_offset_is_rejected() {
        String json = """
                {"course_key": "course-v1:OpenedX+DemoX+2026_T1", "display_name": "Demo",
                 "start": "2026-11-25T10:15:30", "end": null}
                """;

        assertThatThrownBy(() -> EventJson.read(json.getBytes(), CourseData.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("not an ISO-8601 date-time with offset");
    }

    @Test
    void absent_optional_values_are_written_as_explicit_nulls() {
        CourseData undated = new CourseData(SamplePayloads.COURSE_KEY, "Demonstration Course", null, null);
        ExamAttemptEvent verified = new ExamAttemptEvent(new ExamAttemptData(SamplePayloads.LEARNER,
                SamplePayloads.COURSE_KEY, "block-v1:OpenedX+DemoX+2026_T1+type@sequential+block@final_exam",
                "proctored", null));

        JsonNode course = tree(undated);
        JsonNode schedule = tree(SamplePayloads.CATALOG_INFO).path("catalog_info").path("schedule_data");
        JsonNode examAttempt = tree(verified).path("exam_attempt");

        assertThat(course.has("start")).isTrue();
        assertThat(course.get("start").isNull()).isTrue();
        assertThat(course.get("end").isNull()).isTrue();
        assertThat(schedule.has("enrollment_end")).isTrue();
        assertThat(schedule.get("enrollment_end").isNull()).isTrue();
        assertThat(examAttempt.has("requesting_user")).isTrue();
        assertThat(examAttempt.get("requesting_user").isNull()).isTrue();
        assertThat(EventJson.read(EventJson.write(verified), ExamAttemptEvent.class)).isEqualTo(verified);
    }

    @Test
    void fields_are_written_in_snake_case() {
        JsonNode user = tree(SamplePayloads.CERTIFICATE).path("certificate").path("user");

        assertThat(user.propertyNames()).containsExactly("id", "is_active", "pii");
        assertThat(user.path("id").isIntegralNumber()).isTrue();
        assertThat(user.path("is_active").isBoolean()).isTrue();
    }

    static Stream<Arguments> requiredFields() {
        return Stream.of(
                Arguments.of(SamplePayloads.CATALOG_INFO, "", "catalog_info"),
                Arguments.of(SamplePayloads.CATALOG_INFO, "/catalog_info", "course_key"),
                Arguments.of(SamplePayloads.CATALOG_INFO, "/catalog_info", "hidden"),
                Arguments.of(SamplePayloads.CATALOG_INFO, "/catalog_info/schedule_data", "start"),
                Arguments.of(SamplePayloads.CATALOG_INFO, "/catalog_info/schedule_data", "pacing"),
                Arguments.of(SamplePayloads.CERTIFICATE, "/certificate", "download_url"),
                Arguments.of(SamplePayloads.CERTIFICATE, "/certificate/user", "id"),
                Arguments.of(SamplePayloads.CERTIFICATE, "/certificate/user/pii", "email"),
                Arguments.of(SamplePayloads.CERTIFICATE, "/certificate/course", "course_key"),
                Arguments.of(SamplePayloads.EXAM_ATTEMPT, "/exam_attempt", "student_user"),
                Arguments.of(SamplePayloads.EXAM_ATTEMPT, "/exam_attempt", "usage_key"),
                Arguments.of(SamplePayloads.PASSING_STATUS, "/course_passing_status", "is_passing"),
                Arguments.of(SamplePayloads.PASSING_STATUS, "/course_passing_status", "user"));
    }

    @ParameterizedTest(name = "{1}/{2} missing")
    @MethodSource("requiredFields")
    void reading_a_payload_without_a_required_field_fails(Object payload, String parent, String field) {
        ObjectNode json = (ObjectNode) tree(payload);
        ((ObjectNode) json.at(parent)).remove(field);

        assertThatThrownBy(() -> EventJson.read(bytes(json), payload.getClass()))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining(field);
    }

    @ParameterizedTest(name = "{1}/{2} null")
    @MethodSource("requiredFields")
    void reading_a_payload_with_null_for_a_required_field_fails(Object payload, String parent, String field) {
        ObjectNode json = (ObjectNode) tree(payload);
        ((ObjectNode) json.at(parent)).putNull(field);

        assertThatThrownBy(() -> EventJson.read(bytes(json), payload.getClass()))
                .isInstanceOf(JacksonException.class);
    }

    @Test
    void optional_fields_may_be_absent_as_avro_defaults_allow() {
        ObjectNode json = (ObjectNode) tree(SamplePayloads.CATALOG_INFO);
        ObjectNode schedule = (ObjectNode) json.at("/catalog_info/schedule_data");
        schedule.remove("end");
        schedule.remove("enrollment_start");
        schedule.remove("enrollment_end");

        CourseScheduleData read = EventJson.read(bytes(json), CatalogInfoChangedEvent.class).catalogInfo().scheduleData();

        assertThat(read.end()).isNull();
        assertThat(read.enrollmentStart()).isNull();
        assertThat(read.enrollmentEnd()).isNull();
    }

    @Test
    void fields_this_version_does_not_know_are_ignored() {
        ObjectNode json = (ObjectNode) tree(SamplePayloads.CERTIFICATE);
        json.put("added_in_a_later_minor_version", "x");
        ((ObjectNode) json.at("/certificate")).put("certificate_template", "fancy");
        ((ObjectNode) json.at("/certificate/user/pii")).putObject("preferences").put("language", "fr");

        assertThat(EventJson.read(bytes(json), CertificateEvent.class)).isEqualTo(SamplePayloads.CERTIFICATE);
    }

    private static JsonNode tree(Object payload) {
        return EventJson.mapper().readTree(EventJson.write(payload));
    }

    private static byte[] bytes(JsonNode json) {
        return EventJson.mapper().writeValueAsBytes(json);
    }
}
