package org.openedx.suite.cms.course;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.jspecify.annotations.Nullable;

final class Times {

    private Times() {
    }

    /** PostgreSQL keeps microseconds; cutting to them up front makes what we answer equal what we store and send. */
    static @Nullable Instant stored(@Nullable Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
