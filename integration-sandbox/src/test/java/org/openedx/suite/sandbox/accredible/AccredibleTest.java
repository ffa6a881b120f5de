package org.openedx.suite.sandbox.accredible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openedx.suite.sandbox.ProblemAssert.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openedx.suite.sandbox.EnvironmentVariables;
import org.openedx.suite.sandbox.SandboxClient;
import org.openedx.suite.sandbox.SandboxClient.Answer;
import org.openedx.suite.sandbox.SandboxTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@SandboxTest
class AccredibleTest {

    private static final String CREDENTIALS = "/accredible/v1/credentials";
    /** {@code sandbox.accredible.api-key}'s default, as Accredible wants it sent. */
    private static final String[] AUTH = {"Authorization", "Token token=change-me-accredible"};

    private final SandboxClient sandbox;

    AccredibleTest(SandboxClient sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void an_issued_credential_is_numbered_and_answered_in_credential() {
        Answer answer = issue(credential("ada@example.org", 101));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode credential = answer.json().get("credential");
        assertThat(credential.get("id").isIntegralNumber()).isTrue();
        assertThat(credential.get("recipient").get("name").stringValue()).isEqualTo("Ada Lovelace");
        assertThat(credential.get("recipient").get("email").stringValue()).isEqualTo("ada@example.org");
        assertThat(credential.get("group_id").intValue()).isEqualTo(101);
        assertThat(credential.get("issued_on").stringValue()).isEqualTo("2026-05-01");
        assertThat(credential.get("expired_on").isNull()).isTrue();
        assertThat(credential.properties()).hasSize(5);

        assertThat(list("")).singleElement().isEqualTo(credential);
        JsonNode record = sandbox.received("?kind=accredible-credential").get(0);
        assertThat(record.get("path").stringValue()).isEqualTo(CREDENTIALS);
        assertThat(record.get("answered_status").intValue()).isEqualTo(200);
        assertThat(record.get("body").get("credential").get("group_id").intValue()).isEqualTo(101);
    }

    @Test
    void an_idempotency_key_taken_before_gets_the_same_credential_and_no_second_one() {
        Answer first = issue(credential("ada@example.org", 101), "Idempotency-Key", "credential-1");
        Answer again = issue(credential("ada@example.org", 101), "Idempotency-Key", "credential-1");
        Answer other = issue(credential("ada@example.org", 101), "Idempotency-Key", "credential-2");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(other.json().get("credential").get("id").longValue())
                .isGreaterThan(first.json().get("credential").get("id").longValue());
        assertThat(list("")).hasSize(2);
        assertThat(sandbox.received("?kind=accredible-credential")).extracting(r -> r.get("duplicate").booleanValue())
                .containsExactly(false, true, false);
    }

    @Test
    void expiring_sets_expired_on_by_put_or_patch() {
        long id = issue(credential("ada@example.org", 101)).json().get("credential").get("id").longValue();

        Answer expired = sandbox.put(CREDENTIALS + "/" + id, expiry("2026-06-01"), AUTH);
        Answer again = sandbox.sendJson("PATCH", CREDENTIALS + "/" + id, expiry("2026-06-02"), AUTH);

        assertThat(expired.status()).isEqualTo(200);
        assertThat(expired.json().get("credential").get("id").longValue()).isEqualTo(id);
        assertThat(expired.json().get("credential").get("expired_on").stringValue()).isEqualTo("2026-06-01");
        assertThat(expired.json().get("credential").get("issued_on").stringValue()).isEqualTo("2026-05-01");
        assertThat(again.status()).isEqualTo(200);
        assertThat(list("")).singleElement()
                .satisfies(c -> assertThat(c.get("expired_on").stringValue()).isEqualTo("2026-06-02"));
        assertThat(sandbox.received("?kind=accredible-expiry")).hasSize(2).allSatisfy(record -> {
            assertThat(record.get("path").stringValue()).isEqualTo(CREDENTIALS + "/" + id);
            assertThat(record.get("answered_status").intValue()).isEqualTo(200);
        });
    }

    @Test
    void expiring_an_unknown_credential_is_a_404_problem() {
        issue(credential("ada@example.org", 101));

        for (String id : List.of("999999", "not-a-number")) {
            Answer answer = sandbox.put(CREDENTIALS + "/" + id, expiry("2026-06-01"), AUTH);
            assertProblem(answer, 404);
        }
        assertThat(sandbox.received("?kind=accredible-expiry")).extracting(r -> r.get("answered_status").intValue())
                .containsExactly(404, 404);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "Token token=wrong", "Token token=", "Basic Y2hhbmdlLW1lLWFjY3JlZGlibGU6",
            "change-me-accredible"})
    void without_the_api_key_a_request_is_a_401_problem(String authorization) {
        String[] header = authorization.isEmpty() ? new String[0] : new String[] {"Authorization", authorization};
        long id = issue(credential("ada@example.org", 101)).json().get("credential").get("id").longValue();

        List<Answer> answers = List.of(
                sandbox.post(CREDENTIALS, credential("grace@example.org", 101).toString(), header),
                sandbox.put(CREDENTIALS + "/" + id, expiry("2026-06-01"), header),
                sandbox.get(CREDENTIALS, header));

        assertThat(answers).allSatisfy(answer -> {
            assertProblem(answer, 401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Token realm=\"accredible\"");
        });
        assertThat(list("")).singleElement().satisfies(c -> assertThat(c.get("expired_on").isNull()).isTrue());
        assertThat(sandbox.received("")).extracting(r -> r.get("answered_status").intValue())
                .containsExactly(200, 401, 401);
    }

    @Test
    void the_key_is_taken_quoted_or_as_a_bearer_token() {
        assertThat(sandbox.post(CREDENTIALS, credential("ada@example.org", 101).toString(),
                "Authorization", "Token token=\"change-me-accredible\"").status()).isEqualTo(200);
        assertThat(sandbox.get(CREDENTIALS, "Authorization", "Bearer change-me-accredible").status())
                .isEqualTo(200);
    }

    @Test
    void the_list_is_filtered_by_group_id() {
        issue(credential("ada@example.org", 101));
        issue(credential("grace@example.org", 202));
        issue(credential("alan@example.org", 101));

        assertThat(list("?group_id=101")).extracting(c -> c.get("recipient").get("email").stringValue())
                .containsExactly("ada@example.org", "alan@example.org");
        assertThat(list("?group_id=303")).isEmpty();
        assertThat(list("")).hasSize(3);
        assertProblem(sandbox.get(CREDENTIALS + "?group_id=abc", AUTH), 422, "group_id");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"credential", "credential.recipient", "credential.recipient.name",
            "credential.recipient.email", "credential.group_id", "credential.issued_on"})
    void a_missing_required_field_is_refused_with_422_naming_its_path(String path) {
        ObjectNode body = credential("ada@example.org", 101);
        String[] names = path.split("\\.");
        ObjectNode parent = body;
        for (int i = 0; i < names.length - 1; i++) {
            parent = (ObjectNode) parent.get(names[i]);
        }
        parent.remove(names[names.length - 1]);

        assertProblem(issue(body), 422, path);
        assertThat(list("")).isEmpty();
        assertThat(sandbox.received("?kind=accredible-credential").get(0).get("answered_status").intValue())
                .isEqualTo(422);
    }

    @Test
    void fields_of_the_wrong_shape_are_refused_naming_their_path() {
        ObjectNode body = credential("ada@example.org", 101);
        credentialOf(body).put("issued_on", "01/05/2026");
        assertProblem(issue(body), 422, "credential.issued_on");
        body = credential("ada@example.org", 101);
        credentialOf(body).put("group_id", "101");
        assertProblem(issue(body), 422, "credential.group_id");
        body = credential("ada@example.org", 101);
        credentialOf(body).put("recipient", "Ada");
        assertProblem(issue(body), 422, "credential.recipient");
        assertProblem(issue(credential("ada", 101)), 422, "credential.recipient.email");
        assertProblem(issue(credential("ada@example.org", 101).put("credential", 7)), 422, "credential");

        long id = issue(credential("ada@example.org", 101)).json().get("credential").get("id").longValue();
        assertProblem(sandbox.put(CREDENTIALS + "/" + id, "{}", AUTH), 422, "credential");
        assertProblem(sandbox.put(CREDENTIALS + "/" + id, "{\"credential\": {}}", AUTH), 422,
                "credential.expired_on");
        assertProblem(sandbox.put(CREDENTIALS + "/" + id, expiry("2026-02-30"), AUTH), 422, "credential.expired_on");
        assertProblem(sandbox.post(CREDENTIALS, "not json", AUTH), 400, "body");
        assertThat(list("")).singleElement().satisfies(c -> assertThat(c.get("expired_on").isNull()).isTrue());
    }

    @Test
    void the_accredible_target_faults_issues_and_expiries_and_a_faulted_try_was_not_taken() {
        sandbox.fault("{\"target\": \"accredible\", \"mode\": \"status\", \"status\": 429, \"times\": 1}");
        Answer faulted = issue(credential("ada@example.org", 101), "Idempotency-Key", "credential-1");
        Answer retried = issue(credential("ada@example.org", 101), "Idempotency-Key", "credential-1");
        long id = retried.json().get("credential").get("id").longValue();

        sandbox.fault("{\"target\": \"accredible\", \"mode\": \"slow\", \"delay_ms\": 300}");
        long started = System.nanoTime();
        Answer slow = sandbox.put(CREDENTIALS + "/" + id, expiry("2026-06-01"), AUTH);
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        Answer credly = sandbox.get("/credly/v1/organizations/nobody/badges");

        assertProblem(faulted, 429);
        assertThat(faulted.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(retried.status()).isEqualTo(200);
        assertThat(slow.status()).isEqualTo(200);
        // a lower bound only: the sandbox slept at least this long before it answered
        assertThat(tookMillis).isGreaterThanOrEqualTo(300);
        assertThat(credly.status()).isEqualTo(404);
        assertThat(sandbox.received("?kind=accredible-credential"))
                .extracting(r -> r.get("answered_status").intValue() + " " + r.get("duplicate").booleanValue())
                .containsExactly("429 false", "200 false");
    }

    @Test
    void clearing_forgets_the_credentials_and_the_keys_taken_but_numbers_on() {
        long before = issue(credential("ada@example.org", 101), "Idempotency-Key", "credential-1").json()
                .get("credential").get("id").longValue();

        sandbox.reset();
        Answer after = issue(credential("ada@example.org", 101), "Idempotency-Key", "credential-1");

        assertThat(after.json().get("credential").get("id").longValue()).isGreaterThan(before);
        assertThat(list("")).hasSize(1);
        assertThat(sandbox.received("")).singleElement()
                .satisfies(record -> assertThat(record.get("duplicate").booleanValue()).isFalse());
    }

    @Test
    void the_environment_sets_the_api_key() {
        assertThat(EnvironmentVariables.bind("sandbox.accredible", AccredibleProperties.class,
                Map.of("SANDBOX_ACCREDIBLE_API_KEY", "env-key"))).isEqualTo(new AccredibleProperties("env-key"));
        assertThat(EnvironmentVariables.bind("sandbox.accredible", AccredibleProperties.class, Map.of()))
                .isEqualTo(new AccredibleProperties("change-me-accredible"));
    }

    private Answer issue(ObjectNode body, String... headers) {
        List<String> all = new ArrayList<>(List.of(AUTH));
        all.addAll(List.of(headers));
        return sandbox.post(CREDENTIALS, body.toString(), all.toArray(String[]::new));
    }

    private List<JsonNode> list(String query) {
        Answer answer = sandbox.get(CREDENTIALS + query, AUTH);
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        List<JsonNode> credentials = new ArrayList<>();
        answer.json().get("credentials").forEach(credentials::add);
        return credentials;
    }


    private static String expiry(String on) {
        return "{\"credential\": {\"expired_on\": \"" + on + "\"}}";
    }

    private static ObjectNode credentialOf(ObjectNode body) {
        return (ObjectNode) body.get("credential");
    }

    private static ObjectNode credential(String email, int groupId) {
        ObjectNode body = SandboxClient.JSON.createObjectNode();
        ObjectNode credential = body.putObject("credential");
        credential.putObject("recipient").put("name", "Ada Lovelace").put("email", email);
        credential.put("group_id", groupId).put("issued_on", "2026-05-01");
        return body;
    }
}
