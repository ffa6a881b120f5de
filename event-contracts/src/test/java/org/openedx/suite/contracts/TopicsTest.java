package org.openedx.suite.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Topic names as EVENT_BUS_TOPIC_PREFIX and the dead-letter convention shape them. */
class TopicsTest {

    @Test
    void aPrefixIsJoinedToTheBaseTopicWithADash() {
        assertThat(Topics.withPrefix("dev", Topics.LEARNING_CERTIFICATE_LIFECYCLE))
                .isEqualTo("dev-learning-certificate-lifecycle");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void withoutAPrefixTheTopicIsTheBaseTopic(String prefix) {
        assertThat(Topics.withPrefix(prefix, Topics.COURSE_CATALOG_INFO_CHANGED))
                .isEqualTo("course-catalog-info-changed");
    }

    @Test
    void theDeadLetterTopicOfATopicEndsInDlt() {
        assertThat(Topics.deadLetterOf("dev-learning-exam-attempt-lifecycle"))
                .isEqualTo("dev-learning-exam-attempt-lifecycle-dlt");
    }
}
