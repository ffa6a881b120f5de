package org.openedx.suite.lms.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the LMS tells its users in the LMS itself (Open edX's "Send Staff Notification" use case: course staff hear of
 * new submissions to review). A notification is written in the transaction of what it tells of.
 */
@Service
public class Notifications {

    private final JdbcTemplate jdbc;

    Notifications(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Tells each of these users; must run in the caller's transaction. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void notify(Collection<Long> userIds, String kind, String courseKey, String message, String link) {
        Instant now = Instant.now();
        jdbc.batchUpdate("INSERT INTO notification (user_id, kind, course_key, message, link, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", userIds.stream()
                .map(id -> new Object[] {id, kind, courseKey, message, link, java.sql.Timestamp.from(now)}).toList());
    }

    /** The user's last 100 notifications, newest first. */
    @Transactional(readOnly = true)
    List<Notification> of(long userId) {
        return jdbc.query("SELECT id, kind, course_key, message, link, created_at FROM notification"
                        + " WHERE user_id = ? ORDER BY id DESC LIMIT 100",
                (rs, n) -> new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()), userId);
    }

    record Notification(long id, String kind, String courseKey, String message, String link, Instant created) {
    }
}
