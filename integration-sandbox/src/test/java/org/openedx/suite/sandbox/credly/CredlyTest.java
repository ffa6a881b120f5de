package org.openedx.suite.sandbox.credly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.openedx.suite.sandbox.ProblemAssert.assertProblem;

import java.nio.charset.StandardCharsets;
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
import tools.jackson.databind.node.ObjectNode;

@SandboxTest
class CredlyTest {

    /** The organization and key of {@code sandbox.credly.*}'s defaults. */
    private static final String ORGANIZATION = "suite-org";
    private static final String API_KEY = "change-me-credly";
    private static final String BADGES = "/credly/v1/organizations/" + ORGANIZATION + "/badges";
    private static final String TEMPLATE = "5c7f0f7e-0d7a-4c64-9d2e-6a0c1b4d3e21";

    private final SandboxClient sandbox;

    CredlyTest(SandboxClient sandbox) {
        this.sandbox = sandbox;
    }

    @Test
    void an_issued_badge_is_accepted_answered_in_data_and_listed() {
        Answer answer = issue(badge("ada@example.org", TEMPLATE).put("expires_at", "2027-05-01T00:00:00Z"));

        assertThat(answer.status()).isEqualTo(201);
        JsonNode data = answer.json().get("data");
        assertThat(UUID.fromString(data.get("id").stringValue())).isNotNull();
        assertThat(data.get("state").stringValue()).isEqualTo("accepted");
        assertThat(data.get("recipient_email").stringValue()).isEqualTo("ada@example.org");
        assertThat(data.get("issued_to_first_name").stringValue()).isEqualTo("Ada");
        assertThat(data.get("issued_to_last_name").stringValue()).isEqualTo("Lovelace");
        assertThat(data.get("badge_template").get("id").stringValue()).isEqualTo(TEMPLATE);
        assertThat(data.get("issued_at").stringValue()).isEqualTo("2026-05-01T09:41:00Z");
        assertThat(data.get("expires_at").stringValue()).isEqualTo("2027-05-01T00:00:00Z");
        assertThat(data.get("revoked_at").isNull()).isTrue();

        assertThat(badges()).singleElement().isEqualTo(data);
        JsonNode record = sandbox.received("?kind=credly-badge").get(0);
        assertThat(record.get("kind").stringValue()).isEqualTo("credly-badge");
        assertThat(record.get("path").stringValue()).isEqualTo(BADGES);
        assertThat(record.get("answered_status").intValue()).isEqualTo(201);
        assertThat(record.get("body").get("recipient_email").stringValue()).isEqualTo("ada@example.org");
    }

    @Test
    void an_idempotency_key_taken_before_gets_the_same_badge_with_200_and_no_second_one() {
        Answer first = issue(badge("ada@example.org", TEMPLATE), "Idempotency-Key", "issue-1");
        Answer again = issue(badge("ada@example.org", TEMPLATE), "Idempotency-Key", "issue-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("data")).isEqualTo(first.json().get("data"));
        assertThat(badges()).hasSize(1);
        assertThat(sandbox.received("?kind=credly-badge"))
                .extracting(r -> r.get("duplicate").booleanValue(), r -> r.get("answered_status").intValue())
                .containsExactly(tuple(false, 201), tuple(true, 200));
    }

    @Test
    void a_recipient_holding_the_badge_gets_422_user_already_has_this_badge() {
        String id = issue(badge("ada@example.org", TEMPLATE)).json().get("data").get("id").stringValue();

        Answer again = issue(badge("ADA@example.org", TEMPLATE), "Idempotency-Key", "another-try");

        assertProblem(again, 422);
        assertThat(again.json().get("detail").stringValue()).isEqualTo("User already has this badge");
        assertThat(again.json().has("errors")).isFalse();
        assertThat(issue(badge("ada@example.org", "another-template")).status()).isEqualTo(201);
        assertThat(issue(badge("grace@example.org", TEMPLATE)).status()).isEqualTo(201);
        assertThat(badges()).extracting(b -> b.get("id").stringValue()).hasSize(3).startsWith(id);
        assertThat(sandbox.received("?kind=credly-badge")).extracting(r -> r.get("answered_status").intValue())
                .containsExactly(201, 422, 201, 201);
    }

    @Test
    void a_revocation_revokes_the_badge_and_a_second_one_answers_it_as_it_was_revoked() {
        String id = issue(badge("ada@example.org", TEMPLATE)).json().get("data").get("id").stringValue();

        Answer revoked = sandbox.put(BADGES + "/" + id + "/revoke",
                "{\"reason\": \"credential revoked\", \"suppress_revoke_notification_email\": true}", auth());
        Answer again = revoke(id, "another reason");

        assertThat(revoked.status()).isEqualTo(200);
        JsonNode data = revoked.json().get("data");
        assertThat(data.get("id").stringValue()).isEqualTo(id);
        assertThat(data.get("state").stringValue()).isEqualTo("revoked");
        assertThat(data.get("revocation_reason").stringValue()).isEqualTo("credential revoked");
        assertThat(data.get("revoked_at").stringValue()).isNotBlank();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("data")).isEqualTo(data);
        assertThat(badges()).singleElement().isEqualTo(data);
        assertThat(sandbox.received("?kind=credly-revocation")).hasSize(2).allSatisfy(record -> {
            assertThat(record.get("path").stringValue()).isEqualTo(BADGES + "/" + id + "/revoke");
            assertThat(record.get("answered_status").intValue()).isEqualTo(200);
        });
    }

    @Test
    void a_revoked_badge_may_be_issued_again_as_a_new_badge_and_a_refused_key_was_not_taken() {
        String first = issue(badge("ada@example.org", TEMPLATE), "Idempotency-Key", "issue-a").json().get("data")
                .get("id").stringValue();
        assertThat(issue(badge("ada@example.org", TEMPLATE), "Idempotency-Key", "issue-b").status()).isEqualTo(422);
        revoke(first, "mistake");

        Answer reissued = issue(badge("ada@example.org", TEMPLATE), "Idempotency-Key", "issue-b");
        Answer replay = issue(badge("ada@example.org", TEMPLATE), "Idempotency-Key", "issue-a");

        assertThat(reissued.status()).isEqualTo(201);
        String second = reissued.json().get("data").get("id").stringValue();
        assertThat(second).isNotEqualTo(first);
        assertThat(badges()).extracting(b -> b.get("id").stringValue() + " " + b.get("state").stringValue())
                .containsExactly(first + " revoked", second + " accepted");
        // the first key still names the first badge, as it is now
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.json().get("data").get("id").stringValue()).isEqualTo(first);
        assertThat(replay.json().get("data").get("state").stringValue()).isEqualTo("revoked");
        assertThat(sandbox.received("?kind=credly-badge"))
                .extracting(r -> r.get("idempotency_key").stringValue() + " " + r.get("answered_status").intValue()
                        + " " + r.get("duplicate").booleanValue())
                .containsExactly("issue-a 201 false", "issue-b 422 false", "issue-b 201 false", "issue-a 200 true");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "Basic d3Jvbmc6", "Basic Y2hhbmdlLW1lLWNyZWRseTpub3QtZW1wdHk=",
            "Bearer change-me-credly", "Basic not base64!", "Token token=change-me-credly"})
    void without_the_organizations_key_as_basic_auth_a_request_is_a_401_problem(String authorization) {
        String[] header = authorization.isEmpty() ? new String[0] : new String[] {"Authorization", authorization};
        String id = issue(badge("ada@example.org", TEMPLATE)).json().get("data").get("id").stringValue();

        List<Answer> answers = List.of(
                sandbox.post(BADGES, badge("grace@example.org", TEMPLATE).toString(), header),
                sandbox.put(BADGES + "/" + id + "/revoke", "{\"reason\": \"r\"}", header),
                sandbox.get(BADGES, header));

        assertThat(answers).allSatisfy(answer -> {
            assertProblem(answer, 401);
            assertThat(answer.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"credly\"");
        });
        assertThat(badges()).singleElement()
                .satisfies(b -> assertThat(b.get("state").stringValue()).isEqualTo("accepted"));
        assertThat(sandbox.received("")).extracting(r -> r.get("answered_status").intValue())
                .containsExactly(201, 401, 401);
    }

    @Test
    void the_key_is_taken_with_or_without_the_colon_of_the_empty_password_and_in_any_case_of_basic() {
        String keyAlone = "basic " + Base64.getEncoder().encodeToString(API_KEY.getBytes(StandardCharsets.UTF_8));

        assertThat(sandbox.post(BADGES, badge("ada@example.org", TEMPLATE).toString(), "Authorization", keyAlone)
                .status()).isEqualTo(201);
        assertThat(sandbox.get(BADGES, "Authorization", keyAlone).status()).isEqualTo(200);
    }

    @Test
    void an_unknown_organization_or_badge_is_a_404_problem() {
        String nobody = "/credly/v1/organizations/nobody/badges";
        String id = issue(badge("ada@example.org", TEMPLATE)).json().get("data").get("id").stringValue();

        List<Answer> answers = List.of(
                sandbox.post(nobody, badge("ada@example.org", TEMPLATE).toString(), auth()),
                sandbox.put(nobody + "/" + id + "/revoke", "{\"reason\": \"r\"}", auth()),
                sandbox.get(nobody, auth()),
                revoke(UUID.randomUUID().toString(), "r"));

        assertThat(answers).allSatisfy(answer -> assertProblem(answer, 404));
        assertThat(sandbox.received("?kind=credly-revocation")).extracting(r -> r.get("answered_status").intValue())
                .containsExactly(404, 404);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"recipient_email", "issued_to_first_name", "issued_to_last_name", "badge_template_id",
            "issued_at"})
    void a_missing_required_field_is_refused_with_422_naming_it(String field) {
        ObjectNode body = badge("ada@example.org", TEMPLATE);
        body.remove(field);

        assertProblem(issue(body), 422, field);
        assertThat(badges()).isEmpty();
        assertThat(sandbox.received("?kind=credly-badge").get(0).get("answered_status").intValue()).isEqualTo(422);
    }

    @Test
    void fields_of_the_wrong_shape_are_refused_naming_them() {
        assertProblem(issue(badge("ada", TEMPLATE)), 422, "recipient_email");
        assertProblem(issue(badge("ada@example.org", TEMPLATE).put("issued_at", "yesterday")), 422, "issued_at");
        assertProblem(issue(badge("ada@example.org", TEMPLATE).put("issued_at", "2026-05-01T09:41:00")), 422,
                "issued_at");
        assertProblem(issue(badge("ada@example.org", TEMPLATE).put("expires_at", "2026-13-01T00:00:00Z")), 422,
                "expires_at");
        assertProblem(issue(badge("ada@example.org", TEMPLATE).put("badge_template_id", 5)), 422,
                "badge_template_id");
        String id = issue(badge("ada@example.org", TEMPLATE)).json().get("data").get("id").stringValue();
        assertProblem(sandbox.put(BADGES + "/" + id + "/revoke", "{}", auth()), 422, "reason");
        assertProblem(sandbox.put(BADGES + "/" + id + "/revoke",
                "{\"reason\": \"r\", \"suppress_revoke_notification_email\": \"yes\"}", auth()), 422,
                "suppress_revoke_notification_email");
        assertProblem(sandbox.post(BADGES, "", auth()), 400, "body");
        assertProblem(sandbox.post(BADGES, "[1]", auth()), 400, "body");
        assertThat(badges()).singleElement()
                .satisfies(b -> assertThat(b.get("state").stringValue()).isEqualTo("accepted"));
    }

    @Test
    void credentials_way_of_calling_is_taken_its_time_format_and_its_trailing_slashes() {
        Answer issued = sandbox.post(BADGES + "/", badge("ada@example.org", TEMPLATE)
                .put("issued_at", "2026-05-01 09:41:00 +0000").put("notify_users", true).toString(), auth());
        String id = issued.json().get("data").get("id").stringValue();

        assertThat(issued.status()).isEqualTo(201);
        assertThat(issued.json().get("data").get("issued_at").stringValue()).isEqualTo("2026-05-01 09:41:00 +0000");
        assertThat(sandbox.put(BADGES + "/" + id + "/revoke/", "{\"reason\": \"r\"}", auth()).status())
                .isEqualTo(200);
    }

    @Test
    void an_organization_put_by_rest_is_known_with_its_key_until_it_is_put_again() {
        String acme = "/credly/v1/organizations/acme/badges";
        assertThat(sandbox.put("/api/credly/organizations/acme", "{\"api_key\": \"acme-key\"}").status())
                .isEqualTo(204);

        assertThat(sandbox.post(acme, badge("ada@example.org", TEMPLATE).toString(), auth("acme-key")).status())
                .isEqualTo(201);
        assertThat(sandbox.post(acme, badge("grace@example.org", TEMPLATE).toString(), auth()).status())
                .isEqualTo(401);
        assertThat(sandbox.get(acme, auth("acme-key")).json().get("data")).hasSize(1);
        assertThat(badges()).isEmpty();

        sandbox.put("/api/credly/organizations/acme", "{\"api_key\": \"rotated\"}");
        assertThat(sandbox.get(acme, auth("acme-key")).status()).isEqualTo(401);
        assertThat(sandbox.get(acme, auth("rotated")).status()).isEqualTo(200);

        assertProblem(sandbox.put("/api/credly/organizations/acme", "{}"), 400, "api_key");
        assertProblem(sandbox.put("/api/credly/organizations/acme", "{\"api_key\": \" \"}"), 400, "api_key");
        assertProblem(sandbox.put("/api/credly/organizations/acme", "[]"), 400, "body");
    }

    @Test
    void the_credly_target_faults_issues_and_revocations_and_a_faulted_try_was_not_taken() {
        sandbox.fault("{\"target\": \"credly\", \"mode\": \"status\", \"status\": 503, \"times\": 1}");
        Answer faulted = issue(badge("ada@example.org", TEMPLATE), "Idempotency-Key", "issue-1");
        Answer retried = issue(badge("ada@example.org", TEMPLATE), "Idempotency-Key", "issue-1");
        String id = retried.json().get("data").get("id").stringValue();

        sandbox.fault("{\"target\": \"credly\", \"mode\": \"down\"}");
        Answer down = revoke(id, "r");
        Answer accredible = sandbox.post("/accredible/v1/credentials", "{}", "Authorization",
                "Token token=change-me-accredible");

        assertProblem(faulted, 503);
        assertThat(faulted.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.headers().firstValue("Connection")).hasValue("close");
        assertThat(accredible.status()).isEqualTo(422);
        assertThat(badges()).singleElement()
                .satisfies(b -> assertThat(b.get("state").stringValue()).isEqualTo("accepted"));
        assertThat(sandbox.received("?kind=credly-badge"))
                .extracting(r -> r.get("answered_status").intValue() + " " + r.get("duplicate").booleanValue())
                .containsExactly("503 false", "201 false");
        assertThat(sandbox.received("?kind=credly-revocation").get(0).get("answered_status").intValue())
                .isEqualTo(503);
    }

    @Test
    void clearing_forgets_the_badges_and_the_keys_taken_but_not_the_organizations() {
        sandbox.put("/api/credly/organizations/acme", "{\"api_key\": \"acme-key\"}");
        String before = issue(badge("ada@example.org", TEMPLATE), "Idempotency-Key", "issue-1").json().get("data")
                .get("id").stringValue();

        sandbox.reset();
        Answer after = issue(badge("ada@example.org", TEMPLATE), "Idempotency-Key", "issue-1");

        assertThat(after.status()).isEqualTo(201);
        assertThat(after.json().get("data").get("id").stringValue()).isNotEqualTo(before);
        assertThat(badges()).hasSize(1);
        assertThat(sandbox.get("/credly/v1/organizations/acme/badges", auth("acme-key")).status()).isEqualTo(200);
    }

    @Test
    void the_environment_names_the_organization_known_from_the_start() {
        assertThat(EnvironmentVariables.bind("sandbox.credly", CredlyProperties.class,
                Map.of("SANDBOX_CREDLY_ORGANIZATION_ID", "env-org", "SANDBOX_CREDLY_API_KEY", "env-key")))
                .isEqualTo(new CredlyProperties("env-org", "env-key"));
        assertThat(EnvironmentVariables.bind("sandbox.credly", CredlyProperties.class, Map.of()))
                .isEqualTo(new CredlyProperties(ORGANIZATION, API_KEY));
    }

    private Answer issue(ObjectNode body, String... headers) {
        List<String> all = new ArrayList<>(List.of(auth()));
        all.addAll(List.of(headers));
        return sandbox.post(BADGES, body.toString(), all.toArray(String[]::new));
    }

    private Answer revoke(String badgeId, String reason) {
        return sandbox.put(BADGES + "/" + badgeId + "/revoke", "{\"reason\": \"" + reason + "\"}", auth());
    }

    private List<JsonNode> badges() {
        Answer answer = sandbox.get(BADGES, auth());
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        List<JsonNode> badges = new ArrayList<>();
        answer.json().get("data").forEach(badges::add);
        return badges;
    }


    /** HTTP Basic as Credly wants it: the key as the user, an empty password. */
    private static String[] auth(String apiKey) {
        String credentials = Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
        return new String[] {"Authorization", "Basic " + credentials};
    }

    private static String[] auth() {
        return auth(API_KEY);
    }

    private static ObjectNode badge(String email, String template) {
        return SandboxClient.JSON.createObjectNode()
                .put("recipient_email", email)
                .put("issued_to_first_name", "Ada")
                .put("issued_to_last_name", "Lovelace")
                .put("badge_template_id", template)
                .put("issued_at", "2026-05-01T09:41:00Z");
    }
}
