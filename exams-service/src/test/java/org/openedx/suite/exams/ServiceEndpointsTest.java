package org.openedx.suite.exams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@ExamsServiceTest
class ServiceEndpointsTest {

    private final ExamsApi api;

    ServiceEndpointsTest(ExamsApi api) {
        this.api = api;
    }

    @Test
    void reports_itself_healthy_to_anyone_and_its_outbox_backlog_to_the_operator() {
        assertThat(ExamsApi.ok(api.getAnonymously("/actuator/health")).has("components")).isFalse();
        JsonNode health = ExamsApi.ok(api.getAsOperator("/actuator/health"));

        assertThat(health.get("status").asString()).isEqualTo("UP");
        JsonNode eventBus = health.path("components").path("eventBus");
        assertThat(eventBus.path("status").asString()).isEqualTo("UP");
        assertThat(eventBus.path("details").propertyStream().map(Map.Entry::getKey))
                .contains("outbox_pending", "outbox_oldest_age_seconds", "outbox_published", "relay_failing_since");
    }

    @Test
    void only_the_operator_reads_and_replays_dead_letters_and_health_details() {
        api.checkOperatorEndpointsGuarded();
    }

    @Test
    void describes_its_api_in_openapi() {
        JsonNode description = ExamsApi.ok(api.get("/v3/api-docs"));

        assertThat(description.get("paths").propertyStream().map(Map.Entry::getKey))
                .contains("/api/exams", "/api/exams/{exam_id}", "/api/exams/{exam_id}/attempts", "/api/attempts",
                        "/api/attempts/{attempt_id}");
    }

    @Test
    void its_openapi_names_the_fields_as_the_api_reads_and_writes_them() {
        JsonNode schemas = ExamsApi.ok(api.get("/v3/api-docs")).get("components").get("schemas");

        assertThat(propertiesOf(schemas, "CreateExamRequest"))
                .containsExactlyInAnyOrder("course_key", "usage_key", "exam_type", "name", "time_limit_mins");
        assertThat(propertiesOf(schemas, "AttemptResponse"))
                .contains("id", "exam_id", "status", "user", "course_key", "usage_key", "exam_type");
        assertThat(propertiesOf(schemas, "ResetAttemptRequest")).containsExactly("requesting_user");
    }

    private static List<String> propertiesOf(JsonNode schemas, String schema) {
        return schemas.get(schema).get("properties").propertyStream().map(Map.Entry::getKey).toList();
    }
}
