package org.openedx.suite.exams.exam;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores the exam type as the API writes it, so the table reads like the API. */
@Converter
class ExamTypeConverter implements AttributeConverter<ExamType, String> {

    @Override
    public String convertToDatabaseColumn(ExamType type) {
        return type == null ? null : type.value();
    }

    @Override
    public ExamType convertToEntityAttribute(String value) {
        return value == null ? null : ExamType.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
