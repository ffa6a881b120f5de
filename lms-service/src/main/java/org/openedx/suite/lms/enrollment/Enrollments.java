package org.openedx.suite.lms.enrollment;

import java.time.Instant;
import java.util.Optional;

import org.openedx.suite.lms.course.CourseOverview;
import org.openedx.suite.lms.user.User;
import org.openedx.suite.web.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who is enrolled in which course run, and in which mode. */
@Service
public class Enrollments {

    private final EnrollmentRepository enrollments;
    private final ApplicationEventPublisher events;

    Enrollments(EnrollmentRepository enrollments, ApplicationEventPublisher events) {
        this.enrollments = enrollments;
        this.events = events;
    }

    /** The learner's mode in the course; empty when they are not enrolled. */
    @Transactional(readOnly = true)
    public Optional<CourseMode> modeOf(long userId, String courseKey) {
        return enrollments.findByUserIdAndCourseKey(userId, courseKey).map(Enrollment::mode);
    }

    /** Enrolls the learner, or moves an existing enrollment to the given mode. */
    @Transactional
    EnrollResult enroll(User user, CourseOverview course, CourseMode mode) {
        Optional<Enrollment> existing = enrollments.lock(user.id(), course.courseKey());
        Instant now = Instant.now();
        if (existing.isEmpty()) {
            try {
                Enrollment created = enrollments.saveAndFlush(new Enrollment(user.id(), course.courseKey(), mode, now));
                return new EnrollResult(created, true);
            } catch (DataIntegrityViolationException e) {
                // a concurrent first enrollment of the same learner won; repeating the request sets the mode
                throw ApiException.conflict(user.username() + " was enrolled in " + course.courseKey()
                        + " by a concurrent request; repeat the request to set the mode");
            }
        }
        Enrollment enrollment = existing.get();
        CourseMode before = enrollment.mode();
        if (before != mode) {
            enrollment.changeMode(mode, now);
            events.publishEvent(new EnrollmentModeChanged(user.id(), course.courseKey(), before, mode));
        }
        return new EnrollResult(enrollment, false);
    }

    record EnrollResult(Enrollment enrollment, boolean created) {
    }
}
