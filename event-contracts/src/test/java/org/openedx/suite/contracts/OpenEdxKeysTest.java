package org.openedx.suite.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OpenEdxKeysTest {

    private static final String COURSE = "course-v1:edX+DemoX+2026";
    private static final String BLOCK = "block-v1:edX+DemoX+2026+type@sequential+block@final_exam";

    @ParameterizedTest
    @ValueSource(strings = {"course-v1:edX+DemoX+2026", "course-v1:a+b+c", "course-v1:Org_1+Num.2+Run-3"})
    void course_keys_of_three_parts_are_course_keys(String key) {
        assertThat(OpenEdxKeys.isCourseKey(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "course-v1:edX+DemoX", "course-v1:edX+DemoX+2026+", "course-v1:edX+Demo X+2026",
            "edX/DemoX/2026", "course-v1:edX++2026", "block-v1:edX+DemoX+2026+type@problem+block@p1"})
    void anything_else_is_not_a_course_key(String key) {
        assertThat(OpenEdxKeys.isCourseKey(key)).isFalse();
    }

    @Test
    void a_course_key_is_at_most_255_characters() {
        String longest = "course-v1:" + "o".repeat(OpenEdxKeys.MAX_LENGTH - "course-v1:+n+r".length()) + "+n+r";
        assertThat(longest).hasSize(OpenEdxKeys.MAX_LENGTH);
        assertThat(OpenEdxKeys.isCourseKey(longest)).isTrue();
        assertThat(OpenEdxKeys.isCourseKey("course-v1:o" + longest.substring("course-v1:".length()))).isFalse();
        assertThat(OpenEdxKeys.isCourseKey(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"block-v1:edX+DemoX+2026+type@problem", "block-v1:edX+DemoX+type@problem+block@p1",
            "block-v1:edX+DemoX+2026+type@problem+block@p 1", "course-v1:edX+DemoX+2026"})
    void a_usage_key_has_a_course_run_a_type_and_a_block_id(String key) {
        assertThat(OpenEdxKeys.isUsageKey(key)).isFalse();
        assertThat(OpenEdxKeys.isUsageKey(BLOCK)).isTrue();
    }

    @Test
    void the_course_of_a_run_is_its_organization_and_number() {
        assertThat(OpenEdxKeys.courseOf(COURSE)).isEqualTo("edX+DemoX");
        assertThatThrownBy(() -> OpenEdxKeys.courseOf(BLOCK)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource({
            "block-v1:edX+DemoX+2026+type@sequential+block@final_exam, course-v1:edX+DemoX+2026,  true",
            "block-v1:edX+DemoX+2026+type@sequential+block@final_exam, course-v1:edX+DemoX+2027,  false",
            "block-v1:edX+DemoX+2026+type@sequential+block@final_exam, course-v1:edX+DemoX+20261, false",
            "block-v1:edX+DemoX+20261+type@sequential+block@final_exam, course-v1:edX+DemoX+2026, false",
            "block-v1:edX+DemoX+2026+type@sequential+block@final_exam, course-v1:edX+DemoX,       false",
            "block-v1:edX+DemoX+2026+type@sequential+block@final_exam, COURSE-V1:edX+DemoX+2026,  false",
            "block-v1:edX+DemoX+2026+type@sequential+block@final_exam, xcourse-v1:edX+DemoX+2026, false",
            "block-v1:edX+DemoX+2026+type@sequential,                   course-v1:edX+DemoX+2026,  false",
            "course-v1:edX+DemoX+2026,                                  course-v1:edX+DemoX+2026,  false",
    })
    void a_block_belongs_to_the_run_its_key_names(String usageKey, String courseKey, boolean belongs) {
        assertThat(OpenEdxKeys.isBlockOf(usageKey, courseKey)).isEqualTo(belongs);
        if (belongs) {
            assertThat(OpenEdxKeys.isCourseKey(courseKey)).isTrue();
        }
    }

    @Test
    void nothing_is_a_block_of_nothing() {
        assertThat(OpenEdxKeys.isBlockOf(null, COURSE)).isFalse();
        assertThat(OpenEdxKeys.isBlockOf(BLOCK, null)).isFalse();
        String tooLong = "block-v1:edX+DemoX+2026+type@problem+block@" + "b".repeat(OpenEdxKeys.MAX_LENGTH);
        assertThat(OpenEdxKeys.isBlockOf(tooLong, COURSE)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void a_usage_key_names_its_course_run_and_is_made_from_it() {
        String key = OpenEdxKeys.usageKey("course-v1:edX+DemoX+2026", "html", "intro");

        org.assertj.core.api.Assertions.assertThat(key).isEqualTo("block-v1:edX+DemoX+2026+type@html+block@intro");
        org.assertj.core.api.Assertions.assertThat(OpenEdxKeys.courseRunOf(key)).isEqualTo("course-v1:edX+DemoX+2026");
        org.assertj.core.api.Assertions.assertThat(OpenEdxKeys.isBlockOf(key, "course-v1:edX+DemoX+2026")).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OpenEdxKeys.courseRunOf("course-v1:edX+DemoX+2026"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
