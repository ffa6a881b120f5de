package org.openedx.suite.lms.grade;

import org.openedx.suite.lms.course.CourseOverview;
import org.openedx.suite.lms.user.User;

/** A learner's standing in a course, as a change names it: the learner and the course, both as the LMS knows them. */
public record LearnerInCourse(User user, CourseOverview course) {

    StandingKey key() {
        return new StandingKey(user.id(), course.courseKey());
    }
}
