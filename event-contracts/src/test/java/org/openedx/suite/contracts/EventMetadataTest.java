package org.openedx.suite.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The CloudEvents envelope in Kafka headers, as Open edX producers write it and its consumers require it. */
class EventMetadataTest {

    private static final UUID ID = UUID.fromString("6f1c4c8a-7a2b-11f0-9e3c-0242ac120002");
    private static final Instant TIME = Instant.parse("2026-11-25T10:15:30.123456Z");

    private final EventMetadata metadata = EventMetadata.of(
            ID, OpenEdxEvents.CERTIFICATE_CREATED.name(), "lms", TIME, "lms-7d9f-host");

    @Test
    void headers_are_the_ones_open_edx_writes_in_its_order() {
        assertThat(metadata.toHeaders()).containsExactly(
                Map.entry("ce_id", "6f1c4c8a-7a2b-11f0-9e3c-0242ac120002"),
                Map.entry("ce_type", "org.openedx.learning.certificate.created.v1"),
                Map.entry("ce_source", "openedx/lms/web"),
                Map.entry("ce_specversion", "1.0"),
                Map.entry("ce_time", "2026-11-25T10:15:30.123456+00:00"),
                Map.entry("ce_minorversion", "0"),
                Map.entry("sourcehost", "lms-7d9f-host"),
                Map.entry("sourcelib", EventMetadata.CONTRACTS_VERSION),
                Map.entry("content-type", "application/json"),
                Map.entry("ce_datacontenttype", "application/json"));
    }

    @Test
    void numeric_headers_are_what_a_python_consumer_can_parse() {
        Map<String, String> headers = metadata.toHeaders();

        assertThat(headers.get(EventMetadata.SOURCE_LIB)).matches("\\d+(\\.\\d+)*");
        assertThat(headers.get(EventMetadata.MINOR_VERSION)).matches("\\d+");
        assertThat(headers.get(EventMetadata.TIME)).endsWith("+00:00");
    }

    @Test
    void headers_read_back_into_the_same_envelope() {
        assertThat(EventMetadata.fromHeaders(metadata.toHeaders())).isEqualTo(metadata);
    }

    @Test
    void an_event_time_cut_to_microseconds_survives_the_headers() {
        Instant withNanos = Instant.parse("2026-11-25T10:15:30.123456789Z");
        EventMetadata sent = EventMetadata.of(ID, OpenEdxEvents.EXAM_ATTEMPT_REJECTED.name(), "exams",
                EventTimes.truncate(withNanos), "exams-host");

        EventMetadata received = EventMetadata.fromHeaders(sent.toHeaders());

        assertThat(received.time()).isEqualTo(Instant.parse("2026-11-25T10:15:30.123456Z"));
        assertThat(received).isEqualTo(sent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_id", "ce_type", "ce_time"})
    void a_missing_required_header_is_named(String header) {
        Map<String, String> headers = new LinkedHashMap<>(metadata.toHeaders());
        headers.remove(header);

        assertThatThrownBy(() -> EventMetadata.fromHeaders(headers))
                .isInstanceOf(EventMetadata.InvalidEnvelopeException.class)
                .hasMessage("header " + header + " is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_id", "ce_type"})
    void a_blank_required_header_counts_as_missing(String header) {
        Map<String, String> headers = new LinkedHashMap<>(metadata.toHeaders());
        headers.put(header, " ");

        assertThatThrownBy(() -> EventMetadata.fromHeaders(headers))
                .isInstanceOf(EventMetadata.InvalidEnvelopeException.class)
                .hasMessage("header " + header + " is missing");
    }

    @Test
    void an_id_that_is_not_a_uuid_is_named() {
        Map<String, String> headers = new LinkedHashMap<>(metadata.toHeaders());
        headers.put(EventMetadata.ID, "not-a-uuid");

        assertThatThrownBy(() -> EventMetadata.fromHeaders(headers))
                .isInstanceOf(EventMetadata.InvalidEnvelopeException.class)
                .hasMessageContaining("ce_id");
    }

    @Test
    void a_time_without_offset_is_named() {
        Map<String, String> headers = new LinkedHashMap<>(metadata.toHeaders());
        headers.put(EventMetadata.TIME, "2026-11-25T10:15:30.123456");

        assertThatThrownBy(() -> EventMetadata.fromHeaders(headers))
                .isInstanceOf(EventMetadata.InvalidEnvelopeException.class)
                .hasMessageContaining("ce_time");
    }

    @Test
    void the_source_names_the_producing_service() {
        assertThat(EventMetadata.of(ID, OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED.name(), "cms", TIME, "h").source())
                .isEqualTo("openedx/cms/web");
    }
}
