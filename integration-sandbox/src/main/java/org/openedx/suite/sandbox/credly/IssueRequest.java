package org.openedx.suite.sandbox.credly;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.UUID;

import org.openedx.suite.sandbox.web.JsonBody;

/** {@code {recipient_email, issued_to_first_name, issued_to_last_name, badge_template_id, issued_at, expires_at?}}. */
record IssueRequest(String recipientEmail, String issuedToFirstName, String issuedToLastName, String badgeTemplateId,
                    String issuedAt, String expiresAt) {

    /**
     * The times Credly takes: ISO 8601 with an offset ({@code 2026-05-01T09:41:00Z}) or {@code 2026-05-01 09:41:00
     * -0500} (what Open edX credentials sends).
     */
    private static final List<DateTimeFormatter> TIMES = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xx").withResolverStyle(ResolverStyle.STRICT));

    /** Reads the body, refusing it with the name of the first field that is missing or wrong. */
    static IssueRequest of(JsonBody body) {
        return new IssueRequest(body.email("recipient_email"), body.text("issued_to_first_name"),
                body.text("issued_to_last_name"), body.text("badge_template_id"),
                time(body, body.text("issued_at"), "issued_at"),
                body.optionalText("expires_at").map(text -> time(body, text, "expires_at")).orElse(null));
    }

    Badge toBadge(Instant now) {
        return new Badge(UUID.randomUUID().toString(), BadgeState.ACCEPTED, recipientEmail, issuedToFirstName,
                issuedToLastName, new Badge.Template(badgeTemplateId), issuedAt, expiresAt, now, null, null);
    }

    /** The time as sent, once one of {@link #TIMES} reads it. */
    private static String time(JsonBody body, String text, String field) {
        for (DateTimeFormatter format : TIMES) {
            try {
                OffsetDateTime.parse(text, format);
                return text;
            } catch (DateTimeParseException e) {
                // the next format, if any
            }
        }
        throw body.refuse(field, "must be a time with an offset, 2026-05-01T09:41:00Z or 2026-05-01 09:41:00 -0500");
    }
}
