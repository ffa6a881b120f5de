package org.openedx.suite.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code suite.search.*}: how far a full reindex may change an index's size before it refuses to go on, as
 * course-discovery's {@code INDEX_SIZE_CHANGE_THRESHOLD} does.
 *
 * @param reindexMaxChange the largest accepted change of a non-empty index's document count, as a fraction of it
 *                         ({@code 0.1}: from 1,000 documents, 900 to 1,100 are accepted)
 */
@ConfigurationProperties("suite.search")
public record SearchProperties(Double reindexMaxChange) {

    public SearchProperties {
        if (reindexMaxChange == null) {
            reindexMaxChange = 0.1;
        }
        if (reindexMaxChange < 0) {
            throw new IllegalArgumentException("suite.search.reindex-max-change must not be negative");
        }
    }
}
