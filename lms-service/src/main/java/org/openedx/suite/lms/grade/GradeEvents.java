package org.openedx.suite.lms.grade;

import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.ProducedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GradeEvents {

    @Bean
    ProducedEvents passingStatusEventTypes() {
        return ProducedEvents.of(OpenEdxEvents.COURSE_PASSING_STATUS_UPDATED);
    }
}
