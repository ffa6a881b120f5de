package org.openedx.suite.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every event type this suite produces or consumes is wire-compatible with the Avro schema Open edX publishes for it:
 * same field names, order, types and nullability, all the way down.
 */
class EventContractTest {

    static Stream<EventType<?>> eventTypes() {
        return OpenEdxEvents.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void payload_record_matches_the_open_edx_avro_schema(EventType<?> eventType) {
        JsonNode schema = AvroContract.schemaOf(eventType.name());

        List<AvroContract.Mismatch> mismatches = AvroContract.check(eventType.payloadType(), schema);

        assertThat(mismatches)
                .as("%s against %s.avsc", eventType.payloadType().getSimpleName(), eventType.name())
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void schema_is_the_cloud_event_whose_namespace_is_the_event_type(EventType<?> eventType) {
        JsonNode schema = AvroContract.schemaOf(eventType.name());

        assertThat(schema.path("name").asString()).isEqualTo("CloudEvent");
        assertThat(schema.path("namespace").asString()).isEqualTo(eventType.name());
    }

    /** The content-authoring events the CMS raises in-process only keep their contracts too. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("inProcessContentEvents")
    void in_process_content_authoring_payloads_match_the_open_edx_avro_schemas(String type, Class<?> payload) {
        assertThat(AvroContract.check(payload, AvroContract.schemaOf(type))).isEmpty();
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> inProcessContentEvents() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of(ContentAuthoringEvents.XBlockCreated.TYPE,
                        ContentAuthoringEvents.XBlockCreated.class),
                org.junit.jupiter.params.provider.Arguments.of(ContentAuthoringEvents.XBlockUpdated.TYPE,
                        ContentAuthoringEvents.XBlockUpdated.class),
                org.junit.jupiter.params.provider.Arguments.of(ContentAuthoringEvents.CourseCreated.TYPE,
                        ContentAuthoringEvents.CourseCreated.class),
                org.junit.jupiter.params.provider.Arguments.of(ContentAuthoringEvents.ContentObjectTagsChanged.TYPE,
                        ContentAuthoringEvents.ContentObjectTagsChanged.class));
    }

    /** The in-process ORA event, which has no topic and so no place in the catalog, keeps its contract too. */
    @org.junit.jupiter.api.Test
    void the_ora_submission_payload_matches_the_open_edx_avro_schema() {
        JsonNode schema = AvroContract.schemaOf(OraSubmissionEvent.TYPE);

        assertThat(AvroContract.check(OraSubmissionEvent.class, schema)).isEmpty();
    }
}
