package org.openedx.suite.contracts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;

/**
 * Event times on the wire: ISO-8601 in UTC with an explicit {@code +00:00} offset and microseconds, as Python's
 * {@code datetime.isoformat()} writes them for Open edX.
 */
public final class EventTimes {

    private static final DateTimeFormatter WIRE = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
            .appendOffset("+HH:MM", "+00:00")
            .toFormatter();

    private EventTimes() {
    }

    public static String format(Instant instant) {
        return WIRE.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** Accepts any ISO-8601 date-time with an offset ({@code Z} or {@code +hh:mm}). */
    public static Instant parse(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    /** The wire carries microseconds; an event time is cut to them so that what is stored equals what is sent. */
    public static Instant truncate(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }
}
