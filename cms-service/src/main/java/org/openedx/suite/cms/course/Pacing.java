package org.openedx.suite.cms.course;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.openedx.suite.contracts.CourseScheduleData;

/** Who sets the pace of a course run: its instructors (dates) or each learner. */
enum Pacing {
    INSTRUCTOR(CourseScheduleData.INSTRUCTOR_PACED),
    SELF(CourseScheduleData.SELF_PACED);

    private final String value;

    Pacing(String value) {
        this.value = value;
    }

    /** The value in the REST API, the database and the catalog event. */
    @JsonValue
    String value() {
        return value;
    }

    static Pacing of(String value) {
        for (Pacing pacing : values()) {
            if (pacing.value.equals(value)) {
                return pacing;
            }
        }
        throw new IllegalArgumentException("unknown pacing " + value);
    }

    @Converter
    static class Column implements AttributeConverter<Pacing, String> {
        @Override
        public String convertToDatabaseColumn(Pacing pacing) {
            return pacing == null ? null : pacing.value;
        }

        @Override
        public Pacing convertToEntityAttribute(String value) {
            return value == null ? null : of(value);
        }
    }
}
