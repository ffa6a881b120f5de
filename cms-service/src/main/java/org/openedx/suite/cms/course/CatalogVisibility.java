package org.openedx.suite.cms.course;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Where the catalog shows a course: in listings and its about page, only the about page, or nowhere. */
enum CatalogVisibility {
    BOTH("both"),
    ABOUT("about"),
    NONE("none");

    private final String value;

    CatalogVisibility(String value) {
        this.value = value;
    }

    @JsonValue
    String value() {
        return value;
    }

    /** Open edX hides from catalog listings every course that is not listed in both places. */
    boolean hidden() {
        return this != BOTH;
    }

    static CatalogVisibility of(String value) {
        for (CatalogVisibility visibility : values()) {
            if (visibility.value.equals(value)) {
                return visibility;
            }
        }
        throw new IllegalArgumentException("unknown catalog visibility " + value);
    }

    @Converter
    static class Column implements AttributeConverter<CatalogVisibility, String> {
        @Override
        public String convertToDatabaseColumn(CatalogVisibility visibility) {
            return visibility == null ? null : visibility.value;
        }

        @Override
        public CatalogVisibility convertToEntityAttribute(String value) {
            return value == null ? null : of(value);
        }
    }
}
