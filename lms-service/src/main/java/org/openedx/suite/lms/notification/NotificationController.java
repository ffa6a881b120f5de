package org.openedx.suite.lms.notification;

import java.util.List;

import org.openedx.suite.lms.user.Users;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/notifications?username=U}: a user's notifications, newest first (their own, or the operator's). */
@RestController
@RequestMapping("/api/notifications")
class NotificationController {

    private final Notifications notifications;
    private final Users users;

    NotificationController(Notifications notifications, Users users) {
        this.notifications = notifications;
        this.users = users;
    }

    @GetMapping
    List<Notifications.Notification> of(@RequestParam String username) {
        return notifications.of(users.require(username).id());
    }
}
