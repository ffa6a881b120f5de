package org.openedx.suite.lms.ora;

import org.openedx.suite.lms.notification.Notifications;
import org.openedx.suite.lms.staff.CourseStaff;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the run's staff of each new submission to review, in the submission's transaction. */
@Component
class StaffNotifier {

    private final CourseStaff staff;
    private final Notifications notifications;

    StaffNotifier(CourseStaff staff, Notifications notifications) {
        this.staff = staff;
        this.notifications = notifications;
    }

    @EventListener
    void tellStaff(OraSubmissionCreated created) {
        notifications.notify(staff.userIdsOf(created.courseKey()), "ora_submission", created.courseKey(),
                created.username() + " submitted a response to " + created.usageKey(),
                "/api/ora/" + created.usageKey() + "/submissions");
    }
}
