package org.openedx.suite.lms;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The LMS: learners, enrollments, grades, certificates, credit and completion. It announces certificates and passing
 * status, and keeps its course overviews and exam outcomes from the catalog and exam events.
 */
@SpringBootApplication
public class LmsApplication {

    public static void main(String[] args) {
        SpringApplication.run(LmsApplication.class, args);
    }
}
