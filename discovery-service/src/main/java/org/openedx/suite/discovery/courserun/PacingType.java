package org.openedx.suite.discovery.courserun;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.openedx.suite.contracts.CourseScheduleData;

/** How a run is paced, in course-discovery's words. */
enum PacingType {
    INSTRUCTOR_PACED("instructor_paced", CourseScheduleData.INSTRUCTOR_PACED),
    SELF_PACED("self_paced", CourseScheduleData.SELF_PACED);

    private final String value;
    private final String pacing;

    PacingType(String value, String pacing) {
        this.value = value;
        this.pacing = pacing;
    }

    @JsonValue
    String value() {
        return value;
    }

    /** The pacing as catalog events and the search's {@code pacing} filter say it: {@code self} or {@code instructor}. */
    String pacing() {
        return pacing;
    }

    /** The pacing type of a catalog event's {@code schedule_data.pacing}, {@code self} or {@code instructor}. */
    static Optional<PacingType> ofPacing(String pacing) {
        for (PacingType type : values()) {
            if (type.pacing.equals(pacing)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    @Converter
    static class Column implements AttributeConverter<PacingType, String> {
        @Override
        public String convertToDatabaseColumn(PacingType type) {
            return type == null ? null : type.value;
        }

        @Override
        public PacingType convertToEntityAttribute(String value) {
            for (PacingType type : values()) {
                if (type.value.equals(value)) {
                    return type;
                }
            }
            throw new IllegalArgumentException("unknown pacing type " + value);
        }
    }
}
