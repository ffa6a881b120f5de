package org.openedx.suite.cms.tagging;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/**
 * A taxonomy authors tag content with. The system's Language taxonomy takes ISO 639-1 codes and one tag per object;
 * the ones authors create list their values and allow several tags per object.
 */
@Entity
@Table(name = "taxonomy")
class Taxonomy {

    static final String LANGUAGE = "Language";
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    @Id
    private String name;
    private boolean system;
    private boolean singleValue;
    private Instant createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "taxonomy_value", joinColumns = @JoinColumn(name = "taxonomy"))
    @Column(name = "value")
    private Set<String> values = new LinkedHashSet<>();

    protected Taxonomy() {
    }

    Taxonomy(String name, List<String> values, Instant now) {
        this.name = name;
        this.values.addAll(values);
        this.createdAt = now;
    }

    boolean allows(String value) {
        return name.equals(LANGUAGE) ? LANGUAGES.contains(value) : values.contains(value);
    }

    String name() {
        return name;
    }

    boolean system() {
        return system;
    }

    boolean singleValue() {
        return singleValue;
    }

    Instant createdAt() {
        return createdAt;
    }

    /** The values tags may take; Language's are every ISO 639-1 code, not listed. */
    List<String> values() {
        return values.stream().sorted().toList();
    }
}
