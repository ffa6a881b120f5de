package org.openedx.suite.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Topic names as EVENT_BUS_TOPIC_PREFIX and the dead-letter convention shape them. */
class TopicsTest {

    @Test
    void a_prefix_is_joined_to_the_base_topic_with_a_dash() {
        assertThat(Topics.withPrefix("dev", Topics.LEARNING_CERTIFICATE_LIFECYCLE))
                .isEqualTo("dev-learning-certificate-lifecycle");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void without_a_prefix_the_topic_is_the_base_topic(String prefix) {
        assertThat(Topics.withPrefix(prefix, Topics.COURSE_CATALOG_INFO_CHANGED))
                .isEqualTo("course-catalog-info-changed");
    }

    @Test
    void the_dead_letter_topic_of_a_topic_ends_in_dlt() {
        assertThat(Topics.deadLetterOf("dev-learning-exam-attempt-lifecycle"))
                .isEqualTo("dev-learning-exam-attempt-lifecycle-dlt");
    }
}
