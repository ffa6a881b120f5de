package org.openedx.suite.exams.attempt;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the status as the API writes it, so the table reads like the API. */
@Converter
class AttemptStatusConverter implements AttributeConverter<AttemptStatus, String> {

    @Override
    public String convertToDatabaseColumn(AttemptStatus status) {
        return status == null ? null : status.value();
    }

    @Override
    public AttemptStatus convertToEntityAttribute(String value) {
        return value == null ? null : AttemptStatus.of(value);
    }
}
