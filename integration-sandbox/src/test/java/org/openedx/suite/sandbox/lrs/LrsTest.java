package org.openedx.suite.sandbox.lrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.sandbox.ProblemAssert.assertProblem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openedx.suite.sandbox.EnvironmentVariables;
import org.openedx.suite.sandbox.SandboxClient;
import org.openedx.suite.sandbox.SandboxClient.Answer;
import org.openedx.suite.sandbox.SandboxTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@SandboxTest
class LrsTest {

    private static final String STATEMENTS = "/lrs/xapi/statements";
    private static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    private static final String ATTEMPTED = "http://adlnet.gov/expapi/verbs/attempted";
    /** {@code sandbox.lrs.*}'s defaults as HTTP Basic, and the version xAPI wants of every call. */
    private static final String[] HEADERS = {"Authorization", basic("suite-lrs", "change-me-lrs"),
            "X-Experience-API-Version", "1.0.3"};

    private final SandboxClient sandbox;

    LrsTest(SandboxClient sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void a_put_statement_is_stored_under_its_id_with_stored_and_answered_by_id() {
        String id = UUID.randomUUID().toString();
        Instant before = Instant.now().minusSeconds(1);

        Answer put = put(id, statement(COMPLETED, "ada"));
        Answer got = sandbox.get(STATEMENTS + "?statementId=" + id, HEADERS);

        assertThat(put.status()).as("%s", put).isEqualTo(204);
        assertThat(put.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
        JsonNode statement = got.json();
        assertThat(statement.get("id").stringValue()).isEqualTo(id);
        assertThat(statement.get("verb").get("id").stringValue()).isEqualTo(COMPLETED);
        assertThat(statement.get("actor").get("account").get("name").stringValue()).isEqualTo("ada");
        assertThat(Instant.parse(statement.get("stored").stringValue())).isAfter(before);
    }

    @Test
    void the_same_statement_put_again_is_a_204_and_another_one_under_its_id_a_409() {
        String id = UUID.randomUUID().toString();
        ObjectNode statement = statement(COMPLETED, "ada");
        assertThat(put(id, statement).status()).isEqualTo(204);
        String stored = stored(id);

        // what the LRS sets does not count, nor the id sent in the body as well, nor the order of the fields
        ObjectNode again = SandboxClient.JSON.createObjectNode().put("id", id);
        again.set("object", statement.get("object"));
        again.put("stored", "2020-01-01T00:00:00Z").put("version", "1.0.0");
        again.set("verb", statement.get("verb"));
        again.set("actor", statement.get("actor"));
        again.set("timestamp", statement.get("timestamp"));
        Answer same = put(id, again);
        Answer other = put(id, statement(ATTEMPTED, "ada"));

        assertThat(same.status()).as("%s", same).isEqualTo(204);
        assertProblem(other, 409);
        assertThat(other.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
        assertThat(list("")).singleElement().satisfies(held -> {
            assertThat(held.get("verb").get("id").stringValue()).isEqualTo(COMPLETED);
            assertThat(held.get("stored").stringValue()).isEqualTo(stored);
        });
    }

    @Test
    void a_put_needs_a_statement_id_that_the_body_agrees_with() {
        String id = UUID.randomUUID().toString();

        assertProblem(sandbox.put(STATEMENTS, statement(COMPLETED, "ada").toString(), HEADERS), 400, "statementId");
        assertProblem(put("not-a-uuid", statement(COMPLETED, "ada")), 400, "statementId");
        assertProblem(put(id, statement(COMPLETED, "ada").put("id", UUID.randomUUID().toString())), 400, "id");
        assertProblem(put(id, statement(COMPLETED, "ada").put("id", "12")), 400, "id");
        assertThat(put(id, statement(COMPLETED, "ada").put("id", id.toUpperCase())).status()).isEqualTo(204);
        assertThat(list("")).singleElement()
                .satisfies(held -> assertThat(held.get("id").stringValue()).isEqualTo(id));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"actor", "verb", "object"})
    void a_statement_without_actor_verb_or_object_is_a_400_naming_it(String field) {
        ObjectNode statement = statement(COMPLETED, "ada");
        statement.remove(field);

        assertProblem(put(UUID.randomUUID().toString(), statement), 400, field);
        assertProblem(sandbox.post(STATEMENTS, statement.toString(), HEADERS), 400, field);
        assertProblem(sandbox.post(STATEMENTS, "[" + statement(COMPLETED, "ada") + ", " + statement + "]", HEADERS),
                400, "[1]." + field);
        assertThat(list("")).isEmpty();
    }

    @Test
    void a_body_that_is_not_a_statement_is_a_400_naming_it() {
        String id = UUID.randomUUID().toString();

        assertProblem(sandbox.put(STATEMENTS + "?statementId=" + id, "{not json", HEADERS), 400, "body");
        assertProblem(sandbox.put(STATEMENTS + "?statementId=" + id, "", HEADERS), 400, "body");
        assertProblem(sandbox.put(STATEMENTS + "?statementId=" + id, "[]", HEADERS), 400, "body");
        assertProblem(sandbox.post(STATEMENTS, "[]", HEADERS), 400, "body");
        assertProblem(sandbox.post(STATEMENTS, "[1]", HEADERS), 400, "[0]");
        assertProblem(put(id, statement(COMPLETED, "ada").put("verb", "completed")), 400, "verb");
        ObjectNode withoutVerbId = statement(COMPLETED, "ada");
        withoutVerbId.set("verb", SandboxClient.JSON.createObjectNode());
        assertProblem(put(id, withoutVerbId), 400, "verb.id");
        assertThat(list("")).isEmpty();
    }

    @Test
    void a_post_stores_one_statement_or_an_array_and_answers_their_ids() {
        String own = UUID.randomUUID().toString();
        ArrayNode array = SandboxClient.JSON.createArrayNode()
                .add(statement(COMPLETED, "grace").put("id", own))
                .add(statement(ATTEMPTED, "alan"));

        Answer one = sandbox.post(STATEMENTS, statement(ATTEMPTED, "ada").toString(), HEADERS);
        Answer two = sandbox.post(STATEMENTS, array.toString(), HEADERS);

        assertThat(one.status()).as("%s", one).isEqualTo(200);
        assertThat(one.json()).hasSize(1);
        assertThat(two.status()).as("%s", two).isEqualTo(200);
        assertThat(two.json()).hasSize(2);
        assertThat(two.json().get(0).stringValue()).isEqualTo(own);
        String generated = two.json().get(1).stringValue();
        assertThat(UUID.fromString(generated)).isNotNull();
        assertThat(sandbox.get(STATEMENTS + "?statementId=" + generated, HEADERS).json().get("actor")
                .get("account").get("name").stringValue()).isEqualTo("alan");
        // newest stored first
        assertThat(list("")).extracting(s -> s.get("actor").get("account").get("name").stringValue())
                .containsExactly("alan", "grace", "ada");
    }

    @Test
    void a_post_is_stored_whole_or_not_at_all_and_follows_the_same_conflict_rules() {
        String id = UUID.randomUUID().toString();
        put(id, statement(COMPLETED, "ada"));

        Answer same = sandbox.post(STATEMENTS, "[" + statement(COMPLETED, "ada").put("id", id) + ", "
                + statement(COMPLETED, "grace") + "]", HEADERS);
        Answer conflicting = sandbox.post(STATEMENTS, "[" + statement(COMPLETED, "alan") + ", "
                + statement(ATTEMPTED, "ada").put("id", id) + "]", HEADERS);
        String twice = UUID.randomUUID().toString();
        Answer conflictingWithinTheArray = sandbox.post(STATEMENTS, "[" + statement(COMPLETED, "alan").put("id", twice)
                + ", " + statement(ATTEMPTED, "alan").put("id", twice) + "]", HEADERS);

        assertThat(same.status()).as("%s", same).isEqualTo(200);
        assertThat(same.json().get(0).stringValue()).isEqualTo(id);
        assertProblem(conflicting, 409);
        assertProblem(conflictingWithinTheArray, 409);
        assertThat(list("")).extracting(s -> s.get("actor").get("account").get("name").stringValue())
                .containsExactly("grace", "ada");
    }

    @Test
    void the_list_filters_by_verb_and_is_cut_at_the_limit() {
        for (String name : List.of("a", "b", "c")) {
            put(UUID.randomUUID().toString(), statement(COMPLETED, name));
            put(UUID.randomUUID().toString(), statement(ATTEMPTED, name));
        }

        Answer all = sandbox.get(STATEMENTS, HEADERS);

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("more").stringValue()).isEmpty();
        assertThat(all.json().get("statements")).hasSize(6);
        assertThat(list("?verb=" + COMPLETED)).extracting(s -> s.get("actor").get("account").get("name").stringValue())
                .containsExactly("c", "b", "a");
        assertThat(list("?verb=" + COMPLETED + "&limit=2")).hasSize(2);
        assertThat(list("?limit=0")).hasSize(6);
        assertProblem(sandbox.get(STATEMENTS + "?limit=-1", HEADERS), 400, "limit");
        assertProblem(sandbox.get(STATEMENTS + "?limit=many", HEADERS), 400, "limit");
    }

    @Test
    void an_unknown_statement_is_a_404_problem() {
        Answer unknown = sandbox.get(STATEMENTS + "?statementId=" + UUID.randomUUID(), HEADERS);

        assertProblem(unknown, 404);
        assertThat(unknown.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
        assertProblem(sandbox.get(STATEMENTS + "?statementId=nope", HEADERS), 400, "statementId");
        assertProblem(sandbox.get(STATEMENTS + "?statementId=" + UUID.randomUUID() + "&limit=1", HEADERS), 400,
                "statementId");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "Basic c3VpdGUtbHJzOndyb25n", "Basic c3VpdGUtbHJzOg==", "Bearer change-me-lrs",
            "Basic not base64!"})
    void without_the_lrs_credentials_every_call_is_a_401_problem_with_a_basic_challenge(String authorization) {
        List<String> headers = new ArrayList<>(List.of("X-Experience-API-Version", "1.0.3"));
        if (!authorization.isEmpty()) {
            headers.addAll(List.of("Authorization", authorization));
        }
        String[] header = headers.toArray(String[]::new);
        String id = UUID.randomUUID().toString();

        List<Answer> answers = List.of(
                sandbox.put(STATEMENTS + "?statementId=" + id, statement(COMPLETED, "ada").toString(), header),
                sandbox.post(STATEMENTS, statement(COMPLETED, "ada").toString(), header),
                sandbox.get(STATEMENTS + "?statementId=" + id, header),
                sandbox.get(STATEMENTS, header));

        assertThat(answers).allSatisfy(answer -> {
            assertProblem(answer, 401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"lrs\"");
            assertThat(answer.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
        });
        assertThat(list("")).isEmpty();
        assertThat(sandbox.received("?kind=lrs-statement")).extracting(r -> r.get("answered_status").intValue())
                .containsExactly(401, 401);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "0.95", "1.1.0", "2.0.0", "1.0x", "10.0.3"})
    void without_a_1_0_x_version_header_every_call_is_a_400_naming_it(String version) {
        List<String> headers = new ArrayList<>(List.of(HEADERS[0], HEADERS[1]));
        if (!version.isEmpty()) {
            headers.addAll(List.of("X-Experience-API-Version", version));
        }
        String[] header = headers.toArray(String[]::new);

        List<Answer> answers = List.of(
                sandbox.put(STATEMENTS + "?statementId=" + UUID.randomUUID(), statement(COMPLETED, "ada").toString(),
                        header),
                sandbox.post(STATEMENTS, statement(COMPLETED, "ada").toString(), header),
                sandbox.get(STATEMENTS, header));

        assertThat(answers).allSatisfy(answer -> {
            assertProblem(answer, 400, "X-Experience-API-Version");
            assertThat(answer.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
        });
        assertThat(list("")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1.0", "1.0.0", "1.0.3"})
    void any_1_0_x_version_is_taken(String version) {
        Answer answer = sandbox.post(STATEMENTS, statement(COMPLETED, "ada").toString(), HEADERS[0], HEADERS[1],
                "X-Experience-API-Version", version);

        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
    }

    @Test
    void about_is_open_and_says_the_version() {
        Answer about = sandbox.get("/lrs/xapi/about");
        Answer unknown = sandbox.get("/lrs/xapi/activities/state", HEADERS);

        assertThat(about.status()).isEqualTo(200);
        assertThat(about.json().get("version")).singleElement()
                .satisfies(version -> assertThat(version.stringValue()).isEqualTo("1.0.3"));
        assertThat(about.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
        assertThat(sandbox.get("/api/received").headers().firstValue("X-Experience-API-Version")).isEmpty();
    }

    @Test
    void the_lrs_target_faults_puts_and_posts_and_a_faulted_statement_is_stored_when_sent_again() {
        String id = UUID.randomUUID().toString();
        sandbox.fault("{\"target\": \"lrs\", \"mode\": \"status\", \"status\": 503, \"times\": 2}");

        Answer faulted = put(id, statement(COMPLETED, "ada"), "Idempotency-Key", "statement-1");
        Answer faultedPost = sandbox.post(STATEMENTS, statement(COMPLETED, "grace").toString(), HEADERS);
        Answer listed = sandbox.get(STATEMENTS, HEADERS);
        Answer recovered = put(id, statement(COMPLETED, "ada"), "Idempotency-Key", "statement-1");
        Answer again = put(id, statement(COMPLETED, "ada"), "Idempotency-Key", "statement-1");

        assertProblem(faulted, 503);
        assertThat(faulted.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(faulted.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
        assertProblem(faultedPost, 503);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(recovered.status()).isEqualTo(204);
        assertThat(again.status()).isEqualTo(204);
        assertThat(list("")).extracting(s -> s.get("id").stringValue()).containsExactly(id);
        assertThat(sandbox.received("?kind=lrs-statement"))
                .extracting(r -> (r.get("idempotency_key").isNull() ? "-" : r.get("idempotency_key").stringValue())
                        + " " + r.get("answered_status").intValue()
                        + " " + r.get("duplicate").booleanValue())
                .containsExactly("statement-1 503 false", "- 503 false", "statement-1 204 false",
                        "statement-1 204 true");
    }

    @Test
    void the_lrs_can_be_down_or_slow() {
        sandbox.fault("{\"target\": \"lrs\", \"mode\": \"down\", \"times\": 1}");
        Answer down = put(UUID.randomUUID().toString(), statement(COMPLETED, "ada"));
        sandbox.fault("{\"target\": \"lrs\", \"mode\": \"slow\", \"delay_ms\": 300, \"times\": 1}");
        long start = System.nanoTime();
        Answer slow = sandbox.post(STATEMENTS, statement(COMPLETED, "ada").toString(), HEADERS);
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(down.status()).isEqualTo(503);
        assertThat(down.headers().firstValue("Connection")).hasValue("close");
        assertThat(down.headers().firstValue("X-Experience-API-Version")).hasValue("1.0.3");
        assertThat(slow.status()).isEqualTo(200);
        assertThat(tookMs).isGreaterThanOrEqualTo(300);
        assertThat(list("")).hasSize(1);
    }

    @Test
    void what_arrived_is_recorded_with_its_path_and_body() {
        String id = UUID.randomUUID().toString();
        put(id, statement(COMPLETED, "ada"), "Idempotency-Key", "put-1");
        sandbox.post(STATEMENTS, "[" + statement(COMPLETED, "grace") + "]", HEADERS);

        List<JsonNode> records = sandbox.received("?kind=lrs-statement");

        assertThat(records).extracting(r -> r.get("path").stringValue())
                .containsExactly(STATEMENTS, STATEMENTS);
        assertThat(records.get(0).get("kind").stringValue()).isEqualTo("lrs-statement");
        assertThat(records.get(0).get("idempotency_key").stringValue()).isEqualTo("put-1");
        assertThat(records.get(0).get("answered_status").intValue()).isEqualTo(204);
        assertThat(records.get(0).get("body").get("verb").get("id").stringValue()).isEqualTo(COMPLETED);
        assertThat(records.get(1).get("answered_status").intValue()).isEqualTo(200);
        assertThat(records.get(1).get("body").isArray()).isTrue();
    }

    @Test
    void clearing_forgets_the_statements() {
        String id = UUID.randomUUID().toString();
        put(id, statement(COMPLETED, "ada"));

        sandbox.reset();

        assertThat(list("")).isEmpty();
        assertThat(sandbox.get(STATEMENTS + "?statementId=" + id, HEADERS).status()).isEqualTo(404);
        assertThat(put(id, statement(ATTEMPTED, "ada")).status()).isEqualTo(204);
    }

    @Test
    void the_environment_gives_the_credentials() {
        assertThat(EnvironmentVariables.bind("sandbox.lrs", LrsProperties.class,
                Map.of("SANDBOX_LRS_USERNAME", "env-user", "SANDBOX_LRS_PASSWORD", "env-password")))
                .isEqualTo(new LrsProperties("env-user", "env-password"));
        assertThat(EnvironmentVariables.bind("sandbox.lrs", LrsProperties.class, Map.of()))
                .isEqualTo(new LrsProperties("suite-lrs", "change-me-lrs"));
    }

    private Answer put(String id, ObjectNode statement, String... headers) {
        List<String> all = new ArrayList<>(List.of(HEADERS));
        all.addAll(List.of(headers));
        return sandbox.put(STATEMENTS + "?statementId=" + id, statement.toString(), all.toArray(String[]::new));
    }

    private List<JsonNode> list(String query) {
        Answer answer = sandbox.get(STATEMENTS + query, HEADERS);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        List<JsonNode> statements = new ArrayList<>();
        answer.json().get("statements").forEach(statements::add);
        return statements;
    }

    private String stored(String id) {
        return sandbox.get(STATEMENTS + "?statementId=" + id, HEADERS).json().get("stored").stringValue();
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A statement as the insights service would send it: a learner (by account) did {@code verb} to a course. */
    private static ObjectNode statement(String verb, String username) {
        ObjectNode statement = SandboxClient.JSON.createObjectNode();
        ObjectNode actor = statement.putObject("actor").put("objectType", "Agent");
        actor.putObject("account").put("homePage", "http://localhost:18000").put("name", username);
        statement.putObject("verb").put("id", verb).putObject("display").put("en-US", "did");
        statement.putObject("object").put("objectType", "Activity")
                .put("id", "http://localhost:18000/course/course-v1:edX+DemoX+2026");
        statement.put("timestamp", "2026-05-01T09:41:00Z");
        return statement;
    }
}
