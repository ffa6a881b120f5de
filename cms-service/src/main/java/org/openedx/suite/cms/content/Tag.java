package org.openedx.suite.cms.content;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A tag of a content object: a value of a taxonomy, such as Language {@code fr}. */
@Embeddable
public record Tag(@Column(name = "taxonomy") String taxonomy, @Column(name = "value") String value) {

    /** {@code Language:fr}: how a search filters and counts by tag. */
    public String key() {
        return taxonomy + ":" + value;
    }
}
