package org.openedx.suite.eventbus;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.openedx.suite.contracts.OpenEdxEvents;

/** A service may declare only the types it alone produces: consumers refuse any other ce_source. */
class ProducedEventsTest {

    private final ProducedEvents lmsEvents = ProducedEvents.of(OpenEdxEvents.CERTIFICATE_CREATED,
            OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED);

    @Test
    void the_producing_service_may_declare_its_types() {
        assertThatCode(() -> lmsEvents.requireProducedBy("lms")).doesNotThrowAnyException();
    }

    @Test
    void another_service_declaring_them_fails_at_start_up_naming_the_producer() {
        assertThatThrownBy(() -> lmsEvents.requireProducedBy("exams"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("event-bus.service is exams")
                .hasMessageContaining("produced by lms alone");
    }
}
