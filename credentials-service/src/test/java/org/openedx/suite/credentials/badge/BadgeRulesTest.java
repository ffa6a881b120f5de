package org.openedx.suite.credentials.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openedx.suite.credentials.badge.BadgeRules.DataRule;
import org.openedx.suite.credentials.badge.BadgeRules.Operator;
import org.openedx.suite.credentials.badge.BadgeRules.Progress;
import org.openedx.suite.credentials.badge.BadgeRules.Requirement;
import org.openedx.suite.credentials.badge.BadgeRules.Template;
import org.openedx.suite.web.ApiException;
import org.springframework.http.HttpStatus;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class BadgeRulesTest {

    private static final String PASSING = "org.openedx.learning.course.passing.status.updated.v1";
    private static final String CERTIFICATE = "org.openedx.learning.certificate.created.v1";
    private static final Set<String> KNOWN = Set.of(PASSING, CERTIFICATE);

    /** The REST bodies' mapper: snake_case, as the service is configured. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    @Nested
    class Operators {

        /** Each row: the event's data, one rule on it, whether it holds. */
        @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
        @CsvSource(delimiter = '|', textBlock = """
                # data                                            | path              | op | value                         | holds
                {"is_passing": true}                              | is_passing        | eq | true                          | true
                {"is_passing": true}                              | is_passing        | eq | "true"                        | true
                {"is_passing": true}                              | is_passing        | eq | "True"                        | true
                {"is_passing": "True"}                            | is_passing        | eq | true                          | true
                {"is_passing": "true"}                            | is_passing        | eq | "True"                        | true
                {"is_passing": false}                             | is_passing        | eq | true                          | false
                {"is_passing": false}                             | is_passing        | eq | "false"                       | true
                {"is_passing": "yes"}                             | is_passing        | eq | true                          | false
                {"course": {"course_key": "course-v1:edX+X+1"}}   | course.course_key | eq | "course-v1:edX+X+1"           | true
                {"course": {"course_key": "course-v1:edX+X+1"}}   | course.course_key | eq | "course-v1:edX+Y+1"           | false
                {"grade": 1}                                      | grade             | eq | 1.0                           | true
                {"grade": "0.85"}                                 | grade             | eq | 0.85                          | true
                {"grade": 0.85}                                   | grade             | eq | "0.850"                       | true
                {"grade": "0.850"}                                | grade             | eq | "0.85"                        | false
                {"username": "007"}                               | username          | eq | "7"                           | false
                {"attempts": 1}                                   | attempts          | eq | true                          | false
                {}                                                | is_passing        | eq | true                          | false
                {"is_passing": null}                              | is_passing        | eq | true                          | false
                {"course": {"course_key": "x"}}                   | course            | eq | "x"                           | false
                {"course": "x"}                                   | course.course_key | eq | "x"                           | false
                {"is_passing": false}                             | is_passing        | ne | true                          | true
                {"is_passing": true}                              | is_passing        | ne | "true"                        | false
                {"mode": "audit"}                                 | mode              | ne | "verified"                    | true
                {"grade": 1}                                      | grade             | ne | 1.0                           | false
                {}                                                | mode              | ne | "verified"                    | false
                {"mode": ["audit"]}                               | mode              | ne | "verified"                    | false
                {"percent": "0.85"}                               | percent           | gt | 0.8                           | true
                {"percent": 0.85}                                 | percent           | gt | 0.85                          | false
                {"percent": 0.30000000000000004}                  | percent           | gt | 0.3                           | true
                {"percent": "0.85"}                               | percent           | ge | 0.85                          | true
                {"percent": "0.84"}                               | percent           | ge | 0.85                          | false
                {"percent": "1e-05"}                              | percent           | lt | 0.001                         | true
                {"percent": 0.9}                                  | percent           | lt | 0.9                           | false
                {"percent": 0.85}                                 | percent           | le | 0.85                          | true
                {"percent": "0.851"}                              | percent           | le | 0.85                          | false
                {"percent": "high"}                               | percent           | gt | 0                             | false
                {"percent": " 0.9"}                               | percent           | gt | 0                             | false
                {"percent": true}                                 | percent           | ge | 0                             | false
                {}                                                | percent           | lt | 1                             | false
                {"percent": {"value": 0.9}}                       | percent           | le | 1                             | false
                {"mode": "verified"}                              | mode              | in | ["verified", "professional"]  | true
                {"mode": "audit"}                                 | mode              | in | ["verified", "professional"]  | false
                {"grade": 2}                                      | grade             | in | [1, 2.0]                      | true
                {"grade": "2"}                                    | grade             | in | [1, 2.0]                      | true
                {"is_passing": "true"}                            | is_passing        | in | [true]                        | true
                {}                                                | mode              | in | ["audit"]                     | false
                """)
        void a_rule_holds_on_the_data(String data, String path, String operator, String value, boolean holds) {
            assertThat(BadgeRules.matches(List.of(rule(path, operator, value)), json(data))).isEqualTo(holds);
        }

        @Test
        void all_rules_must_hold_and_no_rules_hold_on_anything() {
            JsonNode data = json("""
                    {"is_passing": true, "course": {"course_key": "course-v1:edX+X+1"}}""");

            assertThat(BadgeRules.matches(List.of(), data)).isTrue();
            assertThat(BadgeRules.matches(List.of(rule("is_passing", "eq", "true"),
                    rule("course.course_key", "eq", "\"course-v1:edX+X+1\"")), data)).isTrue();
            assertThat(BadgeRules.matches(List.of(rule("is_passing", "eq", "true"),
                    rule("course.course_key", "eq", "\"course-v1:edX+Y+1\"")), data)).isFalse();
        }

        @ParameterizedTest
        @CsvSource({"eq, EQ", "ne, NE", "gt, GT", "ge, GE", "lt, LT", "le, LE", "in, IN"})
        void an_operator_is_known_by_its_wire_name(String wireName, Operator operator) {
            assertThat(Operator.parse(wireName)).contains(operator);
            assertThat(operator.wireName()).isEqualTo(wireName);
        }

        @ParameterizedTest
        @CsvSource({"EQ", "equals", "''", "=="})
        void an_unknown_operator_parses_to_nothing(String wireName) {
            assertThat(Operator.parse(wireName)).isEmpty();
            assertThat(Operator.parse(null)).isEmpty();
        }
    }

    @Nested
    class EventData {

        @Test
        void is_the_value_of_the_payloads_one_top_level_field() {
            JsonNode payload = json("""
                    {"course_passing_status": {"is_passing": true, "user": {"pii": {"username": "ada"}}}}""");

            assertThat(BadgeRules.dataOf(payload)).isEqualTo(payload.get("course_passing_status"));
            assertThat(BadgeRules.matches(List.of(rule("user.pii.username", "eq", "\"ada\"")),
                    BadgeRules.dataOf(payload))).isTrue();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                {}
                {"a": {}, "b": {}}
                [{"a": {}}]
                "a"
                """)
        void a_payload_without_exactly_one_top_level_field_is_refused(String payload) {
            assertThatIllegalArgumentException().isThrownBy(() -> BadgeRules.dataOf(json(payload)));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource(delimiter = '|', textBlock = """
                {"course": {"course_key": "course-v1:edX+X+1"}}  | course-v1:edX+X+1
                {"course": {"course_key": 42}}                   | 42
                {"course": {"course_key": null}}                 |
                {"course": {"course_key": {"run": "1"}}}         |
                {"course": {}}                                   |
                {}                                               |
                """)
        void the_distinct_value_is_the_text_at_distinct_by(String data, String value) {
            Requirement inTwoCourses = passingIn(2);

            assertThat(BadgeRules.distinctValue(inTwoCourses, json(data))).isEqualTo(Optional.ofNullable(value));
        }

        @Test
        void a_requirement_without_distinct_by_has_no_distinct_value() {
            Requirement once = template("[{\"event_type\": PASSING}]", "[]").requirements().get(0);

            assertThat(BadgeRules.distinctValue(once, json("""
                    {"course": {"course_key": "course-v1:edX+X+1"}}"""))).isEmpty();
        }
    }

    @Nested
    class Validation {

        /**
         * Each row: requirements and penalties as a client sends them, and the field the 400 names. {@code PASSING}
         * stands for the passing-status event type, one the service receives.
         */
        @ParameterizedTest(name = "{2}")
        @CsvSource(delimiter = '|', textBlock = """
                # requirements                                                                        | penalties                                              | field
                []                                                                                    | []                                                     | requirements
                [null]                                                                                | []                                                     | requirements[0]
                [{}]                                                                                  | []                                                     | requirements[0].event_type
                [{"event_type": "org.openedx.learning.badge.awarded.v1"}]                             | []                                                     | requirements[0].event_type
                [{"event_type": PASSING, "blend": " "}]                                               | []                                                     | requirements[0].blend
                [{"event_type": PASSING, "rules": [null]}]                                            | []                                                     | requirements[0].rules[0]
                [{"event_type": PASSING, "rules": [{"operator": "eq", "value": true}]}]               | []                                                     | requirements[0].rules[0].data_path
                [{"event_type": PASSING, "rules": [{"data_path": "Is_passing", "operator": "eq", "value": true}]}] | []                                        | requirements[0].rules[0].data_path
                [{"event_type": PASSING, "rules": [{"data_path": "course..key", "operator": "eq", "value": "x"}]}] | []                                        | requirements[0].rules[0].data_path
                [{"event_type": PASSING, "rules": [{"data_path": "course.", "operator": "eq", "value": "x"}]}] | []                                            | requirements[0].rules[0].data_path
                [{"event_type": PASSING, "rules": [{"data_path": "grades[0]", "operator": "eq", "value": "x"}]}] | []                                          | requirements[0].rules[0].data_path
                [{"event_type": PASSING, "rules": [{"data_path": "", "operator": "eq", "value": "x"}]}] | []                                                   | requirements[0].rules[0].data_path
                [{"event_type": PASSING, "rules": [{"data_path": "is_passing", "operator": "eq", "value": true}, {"data_path": "is_passing", "operator": "is", "value": true}]}] | [] | requirements[0].rules[1].operator
                [{"event_type": PASSING, "rules": [{"data_path": "is_passing", "value": true}]}]      | []                                                     | requirements[0].rules[0].operator
                [{"event_type": PASSING, "rules": [{"data_path": "is_passing", "operator": "eq"}]}]   | []                                                     | requirements[0].rules[0].value
                [{"event_type": PASSING, "rules": [{"data_path": "is_passing", "operator": "eq", "value": null}]}] | []                                        | requirements[0].rules[0].value
                [{"event_type": PASSING, "rules": [{"data_path": "is_passing", "operator": "eq", "value": {}}]}] | []                                          | requirements[0].rules[0].value
                [{"event_type": PASSING, "rules": [{"data_path": "is_passing", "operator": "ne", "value": [true]}]}] | []                                      | requirements[0].rules[0].value
                [{"event_type": PASSING, "rules": [{"data_path": "percent", "operator": "gt", "value": "0.8"}]}] | []                                          | requirements[0].rules[0].value
                [{"event_type": PASSING, "rules": [{"data_path": "percent", "operator": "le", "value": true}]}] | []                                           | requirements[0].rules[0].value
                [{"event_type": PASSING, "rules": [{"data_path": "mode", "operator": "in", "value": []}]}] | []                                                | requirements[0].rules[0].value
                [{"event_type": PASSING, "rules": [{"data_path": "mode", "operator": "in", "value": "audit"}]}] | []                                           | requirements[0].rules[0].value
                [{"event_type": PASSING, "rules": [{"data_path": "mode", "operator": "in", "value": [["audit"]]}]}] | []                                       | requirements[0].rules[0].value
                [{"event_type": PASSING, "rules": [{"data_path": "mode", "operator": "in", "value": ["audit", null]}]}] | []                                   | requirements[0].rules[0].value
                [{"event_type": PASSING}, {"event_type": PASSING, "min_count": 0}]                    | []                                                     | requirements[1].min_count
                [{"event_type": PASSING}, {"event_type": PASSING, "min_count": 1001, "distinct_by": "course.course_key"}] | []                                 | requirements[1].min_count
                [{"event_type": PASSING}, {"event_type": PASSING, "min_count": 2}]                    | []                                                     | requirements[1].distinct_by
                [{"event_type": PASSING}, {"event_type": PASSING, "min_count": 2, "distinct_by": "Course"}] | []                                               | requirements[1].distinct_by
                [{"event_type": PASSING, "distinct_by": "course key"}]                                | []                                                     | requirements[0].distinct_by
                [{"event_type": PASSING}]                                                             | [null]                                                 | penalties[0]
                [{"event_type": PASSING}]                                                             | [{"resets": [0], "rules": [IS_FAILING]}]               | penalties[0].event_type
                [{"event_type": PASSING}]                                                             | [{"event_type": "passing", "resets": [0], "rules": [IS_FAILING]}] | penalties[0].event_type
                [{"event_type": PASSING}]                                                             | [{"event_type": PASSING, "rules": [IS_FAILING]}]       | penalties[0].resets
                [{"event_type": PASSING}]                                                             | [{"event_type": PASSING, "resets": [], "rules": [IS_FAILING]}] | penalties[0].resets
                [{"event_type": PASSING}, {"event_type": PASSING}]                                    | [{"event_type": PASSING, "resets": [2], "rules": [IS_FAILING]}] | penalties[0].resets[0]
                [{"event_type": PASSING}]                                                             | [{"event_type": PASSING, "resets": [0, -1], "rules": [IS_FAILING]}] | penalties[0].resets[1]
                [{"event_type": PASSING}]                                                             | [{"event_type": PASSING, "resets": [0, null], "rules": [IS_FAILING]}] | penalties[0].resets[1]
                [{"event_type": PASSING}]                                                             | [{"event_type": PASSING, "resets": [0]}]               | penalties[0].rules
                [{"event_type": PASSING}]                                                             | [{"event_type": PASSING, "resets": [0], "rules": []}]  | penalties[0].rules
                [{"event_type": PASSING}]                                                             | [{"event_type": CERTIFICATE, "resets": [0], "rules": [IS_FAILING]}, {"event_type": PASSING, "resets": [0], "rules": [{"data_path": "is_passing", "operator": "not", "value": false}]}] | penalties[1].rules[0].operator
                """)
        void a_template_that_cannot_be_applied_is_refused_naming_the_field(String requirements, String penalties,
                                                                          String field) {
            ApiException refusal = catchThrowableOfType(ApiException.class,
                    () -> template(requirements, penalties));

            assertThat(refusal).isNotNull();
            assertThat(refusal.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refusal.field()).isEqualTo(field);
        }

        @Test
        void a_template_without_requirements_at_all_is_refused() {
            ApiException refusal = catchThrowableOfType(ApiException.class,
                    () -> BadgeRules.checked(null, null, KNOWN));

            assertThat(refusal.field()).isEqualTo("requirements");
        }

        @Test
        void what_a_client_leaves_out_takes_its_default() {
            Template template = BadgeRules.checked(List.of(new RequirementInput(PASSING, null, null, null, null)),
                    null, KNOWN);

            assertThat(template.requirements()).containsExactly(new Requirement(PASSING, null, List.of(), 1, null));
            assertThat(template.requirements().get(0).counted()).isFalse();
            assertThat(template.penalties()).isEmpty();
        }

        @Test
        void an_accepted_template_keeps_what_the_client_described() {
            Template template = template("""
                    [{"event_type": PASSING, "blend": "a", "rules": [IS_PASSING]},
                     {"event_type": CERTIFICATE, "blend": "a"},
                     {"event_type": PASSING, "rules": [IS_PASSING], "min_count": 2, "distinct_by": "course.course_key"},
                     {"event_type": PASSING, "rules": [{"data_path": "percent", "operator": "ge", "value": 0.9},
                                                       {"data_path": "mode", "operator": "in", "value": ["verified", 1, true]}]}]""",
                    """
                    [{"event_type": PASSING, "resets": [2, 0, 2], "rules": [IS_FAILING]}]""");

            assertThat(template.requirements()).extracting(Requirement::blend).containsExactly("a", "a", null, null);
            assertThat(template.requirements().get(0).rules())
                    .containsExactly(new DataRule("is_passing", Operator.EQ, json("true")));
            assertThat(template.requirements().get(2).counted()).isTrue();
            assertThat(template.requirements().get(2).distinctBy()).isEqualTo("course.course_key");
            assertThat(template.requirements().get(3).rules()).extracting(DataRule::operator)
                    .containsExactly(Operator.GE, Operator.IN);
            assertThat(template.penalties().get(0).resets()).containsExactly(0, 2);
        }
    }

    @Nested
    class Progression {

        /**
         * Each row: the requirements' blends ({@code -} for none), the requirements fulfilled, and the progress.
         * Requirements sharing a blend are alternatives; groups are all required.
         */
        @ParameterizedTest(name = "blends {0}, fulfilled [{1}] -> {2}/{3}")
        @CsvSource(delimiter = '|', textBlock = """
                # blends  | fulfilled | fulfilled groups | groups | complete
                -         |           | 0                | 1      | false
                -         | 0         | 1                | 1      | true
                -,-       | 0         | 1                | 2      | false
                -,-       | 0 1       | 2                | 2      | true
                a,a       |           | 0                | 1      | false
                a,a       | 1         | 1                | 1      | true
                a,a       | 0 1       | 1                | 1      | true
                a,a,b,b   | 0 1       | 1                | 2      | false
                a,a,b,b   | 0 3       | 2                | 2      | true
                a,-,a     | 2         | 1                | 2      | false
                a,-,a     | 1 2       | 2                | 2      | true
                a,b,-     | 0 1       | 2                | 3      | false
                -         | 5         | 0                | 1      | false
                """)
        void progress_counts_the_groups_fulfilled(String blends, String fulfilled, int fulfilledGroups, int groups,
                                                  boolean complete) {
            Progress progress = BadgeRules.progress(withBlends(blends), indexes(fulfilled));

            assertThat(progress).isEqualTo(new Progress(fulfilledGroups, groups));
            assertThat(progress.complete()).isEqualTo(complete);
        }

        @Test
        void the_ratio_is_the_share_of_groups_fulfilled() {
            assertThat(new Progress(1, 2).ratio()).isEqualTo(0.5);
            assertThat(new Progress(3, 3).ratio()).isEqualTo(1.0);
            assertThat(new Progress(0, 0).ratio()).isZero();
            assertThat(new Progress(0, 0).complete()).isFalse();
        }

        @Test
        void an_event_meets_the_requirements_of_its_type_whose_rules_hold() {
            Template template = template("""
                    [{"event_type": PASSING, "rules": [IS_PASSING]},
                     {"event_type": CERTIFICATE},
                     {"event_type": PASSING},
                     {"event_type": PASSING, "rules": [IS_FAILING]}]""", "[]");

            assertThat(BadgeRules.matchedBy(template, PASSING, json("""
                    {"is_passing": true}"""))).containsExactly(0, 2);
            assertThat(BadgeRules.matchedBy(template, CERTIFICATE, json("""
                    {"is_passing": true}"""))).containsExactly(1);
            assertThat(BadgeRules.matchedBy(template, "org.openedx.learning.badge.awarded.v1", json("{}"))).isEmpty();
        }

        @Test
        void a_count_requirement_is_fulfilled_by_distinct_values_of_matching_events_only() {
            Requirement inTwoCourses = passingIn(2);
            Template template = new Template(List.of(inTwoCourses), List.of());
            Set<String> counted = new HashSet<>();

            for (String data : List.of(
                    """
                    {"is_passing": true, "course": {"course_key": "course-v1:edX+X+1"}}""",
                    """
                    {"is_passing": true, "course": {"course_key": "course-v1:edX+X+1"}}""",
                    """
                    {"is_passing": false, "course": {"course_key": "course-v1:edX+Y+1"}}""",
                    """
                    {"is_passing": true, "course": {}}""")) {
                count(template, json(data), counted);
            }
            assertThat(counted).containsExactly("course-v1:edX+X+1");
            assertThat(inTwoCourses.reachedBy(counted.size())).isFalse();

            count(template, json("""
                    {"is_passing": true, "course": {"course_key": "course-v1:edX+Y+1"}}"""), counted);
            assertThat(inTwoCourses.reachedBy(counted.size())).isTrue();
            assertThat(BadgeRules.progress(template, Set.of(0)).complete()).isTrue();
        }

        private static void count(Template template, JsonNode data, Set<String> counted) {
            for (int index : BadgeRules.matchedBy(template, PASSING, data)) {
                BadgeRules.distinctValue(template.requirements().get(index), data).ifPresent(counted::add);
            }
        }
    }

    @Nested
    class Penalties {

        private final Template template = template("""
                [{"event_type": PASSING, "blend": "a", "rules": [IS_PASSING]},
                 {"event_type": CERTIFICATE, "blend": "a"},
                 {"event_type": PASSING, "rules": [IS_PASSING], "min_count": 2, "distinct_by": "course.course_key"}]""",
                """
                [{"event_type": PASSING, "resets": [0, 2], "rules": [IS_FAILING]},
                 {"event_type": PASSING, "resets": [2], "rules": [{"data_path": "course.course_key", "operator": "eq", "value": "course-v1:edX+X+1"}]},
                 {"event_type": CERTIFICATE, "resets": [1], "rules": [{"data_path": "status", "operator": "ne", "value": "downloadable"}]}]""");

        /** Each row: an event, and the requirements it resets: every matching penalty's, distinct and sorted. */
        @ParameterizedTest(name = "{0} {1} -> [{2}]")
        @CsvSource(delimiter = '|', textBlock = """
                # event type | data                                                                | resets
                PASSING      | {"is_passing": false, "course": {"course_key": "course-v1:edX+Y+1"}} | 0 2
                PASSING      | {"is_passing": false, "course": {"course_key": "course-v1:edX+X+1"}} | 0 2
                PASSING      | {"is_passing": true, "course": {"course_key": "course-v1:edX+X+1"}}  | 2
                PASSING      | {"is_passing": true, "course": {"course_key": "course-v1:edX+Y+1"}}  |
                PASSING      | {"status": "notpassing"}                                             |
                CERTIFICATE  | {"status": "notpassing"}                                             | 1
                CERTIFICATE  | {"status": "downloadable"}                                           |
                CERTIFICATE  | {"is_passing": false}                                                |
                """)
        void an_event_resets_the_requirements_of_every_penalty_whose_rules_hold(String eventType, String data,
                                                                                String resets) {
            assertThat(BadgeRules.resetBy(template, eventType(eventType), json(data)))
                    .containsExactlyElementsOf(new ArrayList<>(indexes(resets)));
        }

        @Test
        void a_reset_takes_the_badge_back_unless_an_alternative_still_holds() {
            Set<Integer> fulfilled = new HashSet<>(Set.of(0, 1, 2));
            assertThat(BadgeRules.progress(template, fulfilled).complete()).isTrue();

            BadgeRules.resetBy(template, CERTIFICATE, json("""
                    {"status": "unavailable"}""")).forEach(fulfilled::remove);
            assertThat(BadgeRules.progress(template, fulfilled)).isEqualTo(new Progress(2, 2));

            BadgeRules.resetBy(template, PASSING, json("""
                    {"is_passing": false, "course": {"course_key": "course-v1:edX+Y+1"}}""")).forEach(fulfilled::remove);
            assertThat(BadgeRules.progress(template, fulfilled)).isEqualTo(new Progress(0, 2));
        }
    }

    // ---- helpers ----

    /** "Passing in n courses": a count requirement on the passing status, distinct by course. */
    private static Requirement passingIn(int courses) {
        return template("""
                [{"event_type": PASSING, "rules": [IS_PASSING], "min_count": %d, "distinct_by": "course.course_key"}]"""
                .formatted(courses), "[]").requirements().get(0);
    }

    /**
     * The template a client describes, in JSON: {@code PASSING} and {@code CERTIFICATE} stand for those event types,
     * {@code IS_PASSING} and {@code IS_FAILING} for the rules on {@code is_passing}.
     */
    private static Template template(String requirements, String penalties) {
        return BadgeRules.checked(
                JSON.readValue(expand(requirements), new TypeReference<List<RequirementInput>>() { }),
                JSON.readValue(expand(penalties), new TypeReference<List<PenaltyInput>>() { }),
                KNOWN);
    }

    private static String expand(String json) {
        return json.replace("IS_PASSING", """
                        {"data_path": "is_passing", "operator": "eq", "value": true}""")
                .replace("IS_FAILING", """
                        {"data_path": "is_passing", "operator": "eq", "value": false}""")
                .replace("PASSING", '"' + PASSING + '"')
                .replace("CERTIFICATE", '"' + CERTIFICATE + '"');
    }

    private static String eventType(String name) {
        return expand(name).replace("\"", "");
    }

    private static Template withBlends(String blends) {
        String requirements = Arrays.stream(blends.split(","))
                .map(blend -> blend.equals("-") ? "{\"event_type\": PASSING}"
                        : "{\"event_type\": PASSING, \"blend\": \"" + blend + "\"}")
                .collect(Collectors.joining(", ", "[", "]"));
        return template(requirements, "[]");
    }

    private static Set<Integer> indexes(String spaced) {
        if (spaced == null) {
            return Set.of();
        }
        return Arrays.stream(spaced.trim().split(" +")).map(Integer::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static DataRule rule(String path, String operator, String value) {
        return new DataRule(path, Operator.parse(operator).orElseThrow(), json(value));
    }

    private static JsonNode json(String json) {
        return JSON.readTree(json);
    }
}
