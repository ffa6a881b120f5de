package org.openedx.suite.insights;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Insights: the tracking logs that services send on the bus become xAPI statements ({@code statement}), per-course
 * figures kept as they arrive ({@code course}), an xAPI read API and forwarding to an external LRS ({@code lrs}), a
 * live feed of a course's statements ({@code feed}) and the dashboard page that shows them ({@code dashboard}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class InsightsApplication {

    public static void main(String[] args) {
        SpringApplication.run(InsightsApplication.class, args);
    }
}
