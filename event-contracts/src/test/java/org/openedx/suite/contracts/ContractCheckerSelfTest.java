package org.openedx.suite.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contract checker catches every kind of drift between a record and its schema. Each case below is a
 * deliberately broken copy of a real payload, checked against the real Open edX schema; the nested records keep the
 * real simple names so that only the intended break differs.
 */
class ContractCheckerSelfTest {

    private static final JsonNode CATALOG_INFO_CHANGED =
            AvroContract.schemaOf(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED.name());
    private static final JsonNode CERTIFICATE_CREATED =
            AvroContract.schemaOf(OpenEdxEvents.CERTIFICATE_CREATED.name());

    @Test
    void a_faithful_copy_of_the_payload_has_no_mismatches() {
        assertThat(AvroContract.check(Faithful.CatalogInfoChangedEvent.class, CATALOG_INFO_CHANGED)).isEmpty();
    }

    @Nested
    class CatalogInfoChanged {

        @Test
        void a_renamed_field_is_reported_as_missing_and_as_unknown() {
            List<AvroContract.Mismatch> mismatches =
                    AvroContract.check(RenamedField.CatalogInfoChangedEvent.class, CATALOG_INFO_CHANGED);

            assertMismatchesExactlyAt(mismatches,
                    "catalog_info.schedule_data.end", "catalog_info.schedule_data.end_date");
            assertThat(mismatches).anySatisfy(m -> assertThat(m.toString())
                    .isEqualTo("catalog_info.schedule_data.end: in the schema but CourseScheduleData does not write it"));
            assertThat(mismatches).anySatisfy(m -> assertThat(m.toString()).isEqualTo(
                    "catalog_info.schedule_data.end_date: CourseScheduleData writes it but the schema has no such field"));
        }

        @Test
        void a_dropped_field_is_reported() {
            List<AvroContract.Mismatch> mismatches =
                    AvroContract.check(DroppedField.CatalogInfoChangedEvent.class, CATALOG_INFO_CHANGED);

            assertMismatchesExactlyAt(mismatches, "catalog_info.schedule_data.enrollment_end");
        }

        @Test
        void reordered_fields_are_reported_where_their_positions_differ() {
            List<AvroContract.Mismatch> mismatches =
                    AvroContract.check(ReorderedFields.CatalogInfoChangedEvent.class, CATALOG_INFO_CHANGED);

            assertMismatchesExactlyAt(mismatches, "catalog_info.name", "catalog_info.schedule_data");
            assertThat(mismatches).allSatisfy(m -> assertThat(m.problem()).startsWith("out of order"));
        }

        @Test
        void a_changed_type_is_reported() {
            List<AvroContract.Mismatch> mismatches =
                    AvroContract.check(WrongType.CatalogInfoChangedEvent.class, CATALOG_INFO_CHANGED);

            assertMismatchesExactlyAt(mismatches, "catalog_info.hidden");
            assertThat(mismatches.get(0).problem()).isEqualTo("the schema type is boolean but the Java type is int");
        }

        @Test
        void an_optional_field_that_lost_its_nullable_is_reported_twice_over() {
            List<AvroContract.Mismatch> mismatches =
                    AvroContract.check(MissingNullable.CatalogInfoChangedEvent.class, CATALOG_INFO_CHANGED);

            assertMismatchesExactlyAt(mismatches, "catalog_info.schedule_data.end");
            assertThat(mismatches).extracting(AvroContract.Mismatch::problem).containsExactlyInAnyOrder(
                    "the schema allows null ([\"null\",\"string\"]) but the component is not @Nullable",
                    "the schema allows null but the CourseScheduleData constructor rejects it: "
                            + "java.lang.NullPointerException: end");
        }
    }

    @Nested
    class Certificate {

        @Test
        void a_changed_type_in_a_deeply_nested_record_is_reported_with_its_full_path() {
            List<AvroContract.Mismatch> mismatches =
                    AvroContract.check(WrongType.CertificateEvent.class, CERTIFICATE_CREATED);

            assertMismatchesExactlyAt(mismatches, "certificate.user.id");
            assertThat(mismatches.get(0).problem())
                    .isEqualTo("the schema type is long but the Java type is java.lang.String");
        }

        @Test
        void a_required_field_wrongly_marked_nullable_is_reported() {
            List<AvroContract.Mismatch> mismatches =
                    AvroContract.check(WronglyNullable.CertificateEvent.class, CERTIFICATE_CREATED);

            assertMismatchesExactlyAt(mismatches, "certificate.download_url");
            assertThat(mismatches).extracting(AvroContract.Mismatch::problem).containsExactlyInAnyOrder(
                    "the schema requires a value (\"string\") but the component is @Nullable",
                    "the schema requires a value but the CertificateData constructor accepts null");
        }

        @Test
        void an_optional_field_missing_its_nullable_is_reported() {
            List<AvroContract.Mismatch> mismatches =
                    AvroContract.check(MissingNullable.CertificateEvent.class, CERTIFICATE_CREATED);

            assertMismatchesExactlyAt(mismatches, "certificate.course.end");
            assertThat(mismatches.get(0).problem()).contains("not @Nullable");
        }

        @Test
        void a_required_field_whose_constructor_lets_null_through_is_reported() {
            List<AvroContract.Mismatch> mismatches =
                    AvroContract.check(UncheckedConstructor.CertificateEvent.class, CERTIFICATE_CREATED);

            assertMismatchesExactlyAt(mismatches, "certificate.mode");
            assertThat(mismatches.get(0).problem())
                    .isEqualTo("the schema requires a value but the CertificateData constructor accepts null");
        }

        @Test
        void a_nested_record_with_another_name_than_the_schemas_is_reported() {
            List<AvroContract.Mismatch> mismatches =
                    AvroContract.check(RenamedRecord.CertificateEvent.class, CERTIFICATE_CREATED);

            assertMismatchesExactlyAt(mismatches, "certificate.user");
            assertThat(mismatches.get(0).problem())
                    .isEqualTo("the schema has record UserData but the Java record is UserInfo");
        }
    }

    @Nested
    class Schemas {

        @Test
        void a_reference_to_a_type_not_defined_earlier_in_the_schema_is_reported() {
            JsonNode schema = JsonMapper.builder().build().readTree("""
                    {"name": "CloudEvent", "type": "record", "fields": [
                      {"name": "certificate", "type": "CertificateData"}
                    ]}
                    """);

            assertThat(AvroContract.check(CertificateEvent.class, schema))
                    .extracting(AvroContract.Mismatch::toString)
                    .containsExactly(
                            "certificate: the schema refers to CertificateData, which is not defined before this point");
        }

        @Test
        void a_missing_schema_file_fails_instead_of_being_skipped() {
            assertThatThrownBy(() -> AvroContract.schemaOf("org.openedx.learning.no_such_thing.v1"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("org.openedx.learning.no_such_thing.v1.avsc does not exist");
        }
    }

    private static void assertMismatchesExactlyAt(List<AvroContract.Mismatch> mismatches, String... paths) {
        assertThat(mismatches).extracting(AvroContract.Mismatch::path).as(mismatches.toString()).containsOnly(paths);
    }

    // ---- deliberately faithful and broken copies of the real payloads ----

    static final class Faithful {

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record CatalogInfoChangedEvent(CourseCatalogData catalogInfo) {
            CatalogInfoChangedEvent {
                Objects.requireNonNull(catalogInfo);
            }
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"course_key", "name", "schedule_data", "hidden", "invitation_only"})
        record CourseCatalogData(
                String courseKey, String name, CourseScheduleData scheduleData, boolean hidden,
                boolean invitationOnly) {
            CourseCatalogData {
                Objects.requireNonNull(courseKey);
                Objects.requireNonNull(name);
                Objects.requireNonNull(scheduleData);
            }
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"start", "pacing", "end", "enrollment_start", "enrollment_end"})
        record CourseScheduleData(
                Instant start, String pacing, @Nullable Instant end, @Nullable Instant enrollmentStart,
                @Nullable Instant enrollmentEnd) {
            CourseScheduleData {
                Objects.requireNonNull(start);
                Objects.requireNonNull(pacing);
            }
        }
    }

    static final class RenamedField {

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record CatalogInfoChangedEvent(CourseCatalogData catalogInfo) {
            CatalogInfoChangedEvent {
                Objects.requireNonNull(catalogInfo);
            }
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"course_key", "name", "schedule_data", "hidden", "invitation_only"})
        record CourseCatalogData(
                String courseKey, String name, CourseScheduleData scheduleData, boolean hidden,
                boolean invitationOnly) {
            CourseCatalogData {
                Objects.requireNonNull(courseKey);
                Objects.requireNonNull(name);
                Objects.requireNonNull(scheduleData);
            }
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"start", "pacing", "end_date", "enrollment_start", "enrollment_end"})
        record CourseScheduleData(
                Instant start, String pacing, @Nullable Instant endDate, @Nullable Instant enrollmentStart,
                @Nullable Instant enrollmentEnd) {
            CourseScheduleData {
                Objects.requireNonNull(start);
                Objects.requireNonNull(pacing);
            }
        }
    }

    static final class DroppedField {

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record CatalogInfoChangedEvent(CourseCatalogData catalogInfo) {
            CatalogInfoChangedEvent {
                Objects.requireNonNull(catalogInfo);
            }
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"course_key", "name", "schedule_data", "hidden", "invitation_only"})
        record CourseCatalogData(
                String courseKey, String name, CourseScheduleData scheduleData, boolean hidden,
                boolean invitationOnly) {
            CourseCatalogData {
                Objects.requireNonNull(courseKey);
                Objects.requireNonNull(name);
                Objects.requireNonNull(scheduleData);
            }
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"start", "pacing", "end", "enrollment_start"})
        record CourseScheduleData(
                Instant start, String pacing, @Nullable Instant end, @Nullable Instant enrollmentStart) {
            CourseScheduleData {
                Objects.requireNonNull(start);
                Objects.requireNonNull(pacing);
            }
        }
    }

    static final class ReorderedFields {

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record CatalogInfoChangedEvent(CourseCatalogData catalogInfo) {
            CatalogInfoChangedEvent {
                Objects.requireNonNull(catalogInfo);
            }
        }

        /** The real {@link org.openedx.suite.contracts.CourseScheduleData} is fine; only the order here is off. */
        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"course_key", "schedule_data", "name", "hidden", "invitation_only"})
        record CourseCatalogData(
                String courseKey, String name, org.openedx.suite.contracts.CourseScheduleData scheduleData,
                boolean hidden, boolean invitationOnly) {
            CourseCatalogData {
                Objects.requireNonNull(courseKey);
                Objects.requireNonNull(name);
                Objects.requireNonNull(scheduleData);
            }
        }
    }

    static final class WrongType {

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record CatalogInfoChangedEvent(CourseCatalogData catalogInfo) {
            CatalogInfoChangedEvent {
                Objects.requireNonNull(catalogInfo);
            }
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"course_key", "name", "schedule_data", "hidden", "invitation_only"})
        record CourseCatalogData(
                String courseKey, String name, org.openedx.suite.contracts.CourseScheduleData scheduleData,
                int hidden, boolean invitationOnly) {
            CourseCatalogData {
                Objects.requireNonNull(courseKey);
                Objects.requireNonNull(name);
                Objects.requireNonNull(scheduleData);
            }
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record CertificateEvent(CertificateData certificate) {
            CertificateEvent {
                Objects.requireNonNull(certificate);
            }
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"user", "course", "mode", "grade", "download_url", "name", "current_status",
                "previous_status"})
        record CertificateData(
                UserData user, org.openedx.suite.contracts.CourseData course, String mode, String grade,
                String downloadUrl, String name, String currentStatus, String previousStatus) {
            CertificateData {
                Objects.requireNonNull(user);
                Objects.requireNonNull(course);
                Objects.requireNonNull(mode);
                Objects.requireNonNull(grade);
                Objects.requireNonNull(downloadUrl);
                Objects.requireNonNull(name);
                Objects.requireNonNull(currentStatus);
                Objects.requireNonNull(previousStatus);
            }
        }

        /** An LMS user id is a number; a string would not even deserialize on the Python side. */
        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"id", "is_active", "pii"})
        record UserData(String id, boolean isActive, UserPersonalData pii) {
            UserData {
                Objects.requireNonNull(id);
                Objects.requireNonNull(pii);
            }
        }
    }

    static final class MissingNullable {

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record CatalogInfoChangedEvent(CourseCatalogData catalogInfo) {
            CatalogInfoChangedEvent {
                Objects.requireNonNull(catalogInfo);
            }
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"course_key", "name", "schedule_data", "hidden", "invitation_only"})
        record CourseCatalogData(
                String courseKey, String name, CourseScheduleData scheduleData, boolean hidden,
                boolean invitationOnly) {
            CourseCatalogData {
                Objects.requireNonNull(courseKey);
                Objects.requireNonNull(name);
                Objects.requireNonNull(scheduleData);
            }
        }

        /** A self-paced course has no end; this copy forgot that. */
        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"start", "pacing", "end", "enrollment_start", "enrollment_end"})
        record CourseScheduleData(
                Instant start, String pacing, Instant end, @Nullable Instant enrollmentStart,
                @Nullable Instant enrollmentEnd) {
            CourseScheduleData {
                Objects.requireNonNull(start);
                Objects.requireNonNull(pacing);
                Objects.requireNonNull(end, "end");
            }
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record CertificateEvent(CertificateData certificate) {
            CertificateEvent {
                Objects.requireNonNull(certificate);
            }
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"user", "course", "mode", "grade", "download_url", "name", "current_status",
                "previous_status"})
        record CertificateData(
                org.openedx.suite.contracts.UserData user, CourseData course, String mode, String grade,
                String downloadUrl, String name, String currentStatus, String previousStatus) {
            CertificateData {
                Objects.requireNonNull(user);
                Objects.requireNonNull(course);
                Objects.requireNonNull(mode);
                Objects.requireNonNull(grade);
                Objects.requireNonNull(downloadUrl);
                Objects.requireNonNull(name);
                Objects.requireNonNull(currentStatus);
                Objects.requireNonNull(previousStatus);
            }
        }

        /** The constructor still lets null through; only the annotation is missing. */
        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"course_key", "display_name", "start", "end"})
        record CourseData(String courseKey, String displayName, @Nullable Instant start, Instant end) {
            CourseData {
                Objects.requireNonNull(courseKey);
                Objects.requireNonNull(displayName);
            }
        }
    }

    static final class WronglyNullable {

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record CertificateEvent(CertificateData certificate) {
            CertificateEvent {
                Objects.requireNonNull(certificate);
            }
        }

        /** Revoked certificates have no download URL, but Open edX sends an empty string, never null. */
        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"user", "course", "mode", "grade", "download_url", "name", "current_status",
                "previous_status"})
        record CertificateData(
                UserData user, CourseData course, String mode, String grade, @Nullable String downloadUrl,
                String name, String currentStatus, String previousStatus) {
            CertificateData {
                Objects.requireNonNull(user);
                Objects.requireNonNull(course);
                Objects.requireNonNull(mode);
                Objects.requireNonNull(grade);
                Objects.requireNonNull(name);
                Objects.requireNonNull(currentStatus);
                Objects.requireNonNull(previousStatus);
            }
        }
    }

    static final class UncheckedConstructor {

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record CertificateEvent(CertificateData certificate) {
            CertificateEvent {
                Objects.requireNonNull(certificate);
            }
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"user", "course", "mode", "grade", "download_url", "name", "current_status",
                "previous_status"})
        record CertificateData(
                UserData user, CourseData course, String mode, String grade, String downloadUrl,
                String name, String currentStatus, String previousStatus) {
            CertificateData {
                Objects.requireNonNull(user);
                Objects.requireNonNull(course);
                Objects.requireNonNull(grade);
                Objects.requireNonNull(downloadUrl);
                Objects.requireNonNull(name);
                Objects.requireNonNull(currentStatus);
                Objects.requireNonNull(previousStatus);
            }
        }
    }

    static final class RenamedRecord {

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        record CertificateEvent(CertificateData certificate) {
            CertificateEvent {
                Objects.requireNonNull(certificate);
            }
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"user", "course", "mode", "grade", "download_url", "name", "current_status",
                "previous_status"})
        record CertificateData(
                UserInfo user, CourseData course, String mode, String grade, String downloadUrl,
                String name, String currentStatus, String previousStatus) {
            CertificateData {
                Objects.requireNonNull(user);
                Objects.requireNonNull(course);
                Objects.requireNonNull(mode);
                Objects.requireNonNull(grade);
                Objects.requireNonNull(downloadUrl);
                Objects.requireNonNull(name);
                Objects.requireNonNull(currentStatus);
                Objects.requireNonNull(previousStatus);
            }
        }

        @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
        @JsonPropertyOrder({"id", "is_active", "pii"})
        record UserInfo(long id, boolean isActive, UserPersonalData pii) {
            UserInfo {
                Objects.requireNonNull(pii);
            }
        }
    }
}
