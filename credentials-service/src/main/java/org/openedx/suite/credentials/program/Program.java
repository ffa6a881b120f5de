package org.openedx.suite.credentials.program;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A program: a set of course runs whose credentials together earn a program certificate. */
@Entity
@Table(name = "program")
class Program {

    @Id
    private UUID uuid;
    private String title;
    private String organization;
    private String type;
    @JdbcTypeCode(SqlTypes.ARRAY)
    private String[] courseKeys;
    private Instant created;

    protected Program() {
    }

    Program(String title, String organization, String type, List<String> courseKeys, Instant created) {
        this.uuid = UUID.randomUUID();
        this.title = title;
        this.organization = organization;
        this.type = type;
        this.courseKeys = courseKeys.toArray(String[]::new);
        this.created = created;
    }

    UUID uuid() {
        return uuid;
    }

    String title() {
        return title;
    }

    String organization() {
        return organization;
    }

    String type() {
        return type;
    }

    List<String> courseKeys() {
        return List.of(courseKeys);
    }

    Instant created() {
        return created;
    }
}
