package org.openedx.suite.cms.course;

import org.openedx.suite.contracts.OpenEdxEvents;
import org.openedx.suite.eventbus.ProducedEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CourseEvents {

    @Bean
    ProducedEvents courseProducedEvents() {
        return ProducedEvents.of(OpenEdxEvents.COURSE_CATALOG_INFO_CHANGED);
    }
}
