package org.openedx.suite.exams;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Exams and learners' attempts at them; each change of an attempt's status becomes an Open edX event. */
@SpringBootApplication
public class ExamsApplication {

    public static void main(String[] args) {
        SpringApplication.run(ExamsApplication.class, args);
    }
}
