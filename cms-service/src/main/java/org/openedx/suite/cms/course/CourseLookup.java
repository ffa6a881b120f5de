package org.openedx.suite.cms.course;

import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the rest of the CMS may know of a course: whether it exists, and its language. */
@Component
public class CourseLookup {

    private final CourseRepository courses;

    CourseLookup(CourseRepository courses) {
        this.courses = courses;
    }

    /** The course's language (an ISO 639-1 code), if the course exists. */
    @Transactional(readOnly = true)
    public Optional<String> languageOf(String courseKey) {
        return courses.findById(courseKey).map(Course::language);
    }
}
