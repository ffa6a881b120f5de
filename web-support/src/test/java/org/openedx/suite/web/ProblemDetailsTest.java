package org.openedx.suite.web;

import org.openedx.suite.contracts.CourseKey;
import org.openedx.suite.contracts.UsageKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.openedx.suite.web.security.AccessRules;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every way a client can get a request wrong ends in a 4xx problem+json that says which field is to blame. */
// an issuer the anonymous requests here never make the service ask (every service trusts the LMS's tokens); the test
// app opens its endpoints to anyone

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9")
class ProblemDetailsTest {

    @LocalServerPort int port;

    @Test
    void a_field_failing_validation_is_named_in_snake_case() throws Exception {
        var response = post("/things", "{\"course_key\":\"nope\",\"display_name\":\"x\",\"pacing\":\"self\"}");

        assertProblem(response, 400, "course_key");
        assertThat(response.body()).contains("\"errors\"").contains("\"field\":\"course_key\"");
    }

    @Test
    void a_missing_required_field_is_named() throws Exception {
        assertProblem(post("/things", "{\"course_key\":\"course-v1:a+b+c\",\"pacing\":\"self\"}"), 400, "display_name");
    }

    @Test
    void an_unknown_enum_value_is_named() throws Exception {
        assertProblem(post("/things", "{\"course_key\":\"course-v1:a+b+c\",\"display_name\":\"x\",\"pacing\":\"warp\"}"),
                400, "pacing");
    }

    @Test
    void a_value_of_the_wrong_type_is_named() throws Exception {
        assertProblem(post("/things",
                "{\"course_key\":\"course-v1:a+b+c\",\"display_name\":\"x\",\"pacing\":\"self\",\"starts\":42}"),
                400, "starts");
    }

    @Test
    void a_field_the_api_does_not_have_is_named_rather_than_ignored() throws Exception {
        assertProblem(post("/things",
                "{\"course_key\":\"course-v1:a+b+c\",\"display_name\":\"x\",\"pacing\":\"self\",\"end_date\":\"x\"}"),
                400, "end_date");
    }

    @Test
    void a_number_where_text_belongs_is_refused() throws Exception {
        assertProblem(post("/things", "{\"course_key\":\"course-v1:a+b+c\",\"display_name\":7,\"pacing\":\"self\"}"),
                400, "display_name");
    }

    @Test
    void a_number_where_a_datetime_belongs_is_refused() throws Exception {
        assertProblem(post("/things", "{\"course_key\":\"course-v1:a+b+c\",\"display_name\":\"x\",\"pacing\":\"self\",\"at\":1788249600}"),
                400, "at");
    }

    @Test
    void a_fraction_where_a_whole_number_belongs_is_refused() throws Exception {
        assertProblem(post("/things", "{\"course_key\":\"course-v1:a+b+c\",\"display_name\":\"x\",\"pacing\":\"self\",\"count\":7.5}"),
                400, "count");
    }

    @Test
    void json_broken_inside_a_nested_object_is_reported_as_broken_json() throws Exception {
        assertProblem(post("/things", "{\"course_key\":\"course-v1:a+b+c\",\"nested\":{\"a\": 7"), 400, "body");
    }

    @Test
    void the_api_description_names_fields_as_the_api_does() throws Exception {
        assertThat(get("/v3/api-docs").body()).contains("display_name").doesNotContain("displayName");
    }

    @Test
    void the_api_description_lists_only_the_api_not_the_error_path_the_container_forwards_to() throws Exception {
        assertThat(get("/v3/api-docs").body()).contains("\"/things\"").doesNotContain("\"/error\"");
    }

    @Test
    void text_with_the_nul_character_is_refused_in_bodies_and_query_parameters() throws Exception {
        assertProblem(post("/things", "{\"course_key\":\"course-v1:a+b+c\",\"display_name\":\"x\\u0000y\",\"pacing\":\"self\"}"),
                400, "display_name");
        assertProblem(get("/things?q=a%00b"), 400, "q");
    }

    @Test
    void a_datetime_postgresql_cannot_store_is_refused() throws Exception {
        assertProblem(post("/things", "{\"course_key\":\"course-v1:a+b+c\",\"display_name\":\"x\",\"pacing\":\"self\",\"at\":\"+300000-01-01T00:00:00Z\"}"),
                400, "at");
    }

    @Test
    void a_number_too_large_for_its_field_is_named() throws Exception {
        assertProblem(post("/things", "{\"course_key\":\"course-v1:a+b+c\",\"display_name\":\"x\",\"pacing\":\"self\",\"count\":99999999999999999999}"),
                400, "count");
    }

    @Test
    void a_key_longer_than_open_edx_allows_is_refused() throws Exception {
        assertProblem(get("/things/course-v1:edX+" + "X".repeat(300) + "+2026"), 400, "course_key");
    }

    @Test
    void broken_json_is_refused() throws Exception {
        assertProblem(post("/things", "{\"course_key\": "), 400, "body");
    }

    @Test
    void a_body_that_is_not_json_is_refused_with_415() throws Exception {
        var request = HttpRequest.newBuilder(uri("/things")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build();
        assertProblem(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()), 415, "");
    }

    @Test
    void a_json_body_declared_as_a_form_is_refused_with_415() throws Exception {
        var request = HttpRequest.newBuilder(uri("/things")).header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"course_key\":\"course-v1:a+b+c\"}")).build();
        assertProblem(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()), 415, "");
    }

    @Test
    void a_malformed_key_in_the_path_is_named() throws Exception {
        assertProblem(get("/things/course-v1:only-two+parts"), 400, "course_key");
    }

    @Test
    void api_exceptions_keep_their_status_and_field() throws Exception {
        assertProblem(get("/things/course-v1:edX+Missing+2026"), 404, "");
    }

    @Test
    void errors_raised_outside_any_controller_are_problem_json_too() throws Exception {
        assertProblem(get("/no/such/route"), 404, "");
        assertProblem(get("/things/%2e%2e%2f%2e%2e%2fetc"), 400, "");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).contains(field);
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @SpringBootApplication
    @Import(Things.class)
    static class App {

        /** What is refused here is the request's content, not its caller: everything is open. */
        @Bean
        AccessRules openToAnyone() {
            return requests -> requests.requestMatchers("/**").permitAll();
        }
    }

    enum Pacing { self, instructor }

    record Thing(@NotNull @CourseKey String courseKey, @NotBlank @Size(max = 255) String displayName,
                 @NotNull Pacing pacing, LocalDate starts, Instant at, Integer count, Map<String, Object> nested) {
    }

    @RestController
    @Validated
    static class Things {

        @PostMapping("/things")
        Thing create(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @PutMapping("/things")
        Thing replace(@Valid @RequestBody Thing thing) {
            return thing;
        }

        @GetMapping("/things")
        List<Thing> search(@RequestParam(required = false) String q) {
            return List.of();
        }

        @GetMapping("/things/{course_key}")
        Thing find(@PathVariable("course_key") @CourseKey String courseKey) {
            throw ApiException.notFound("no course " + courseKey);
        }
    }
}
