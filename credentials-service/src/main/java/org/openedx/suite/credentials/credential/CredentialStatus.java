package org.openedx.suite.credentials.credential;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;

/** Whether the learner holds the credential; lower-case on the wire and in the database, as in Open edX. */
enum CredentialStatus {
    AWARDED("awarded"),
    REVOKED("revoked");

    private final String value;

    CredentialStatus(String value) {
        this.value = value;
    }

    @JsonValue
    String value() {
        return value;
    }

    static final class Column implements AttributeConverter<CredentialStatus, String> {

        @Override
        public String convertToDatabaseColumn(CredentialStatus status) {
            return status == null ? null : status.value;
        }

        @Override
        public CredentialStatus convertToEntityAttribute(String value) {
            if (value == null) {
                return null;
            }
            for (CredentialStatus status : values()) {
                if (status.value.equals(value)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("unknown credential status " + value);
        }
    }
}
