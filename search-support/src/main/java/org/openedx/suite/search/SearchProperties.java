package org.openedx.suite.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code suite.search.*}: how far a full reindex may change an index's size before it refuses to switch, as
 * course-discovery's {@code INDEX_SIZE_CHANGE_THRESHOLD} does, and what the service's indexes are called in a search
 * cluster.
 *
 * @param reindexMaxChange the largest accepted change of a non-empty index's document count, as a fraction of it
 *                         ({@code 0.1}: from 1,000 documents, 900 to 1,100 are accepted)
 * @param indexPrefix      put before the names of the service's indexes and aliases on Elasticsearch/OpenSearch
 *                         ({@code staging-}: {@code staging-block-read}); empty by default
 */
@ConfigurationProperties("suite.search")
public record SearchProperties(Double reindexMaxChange, String indexPrefix) {

    public SearchProperties {
        if (indexPrefix == null) {
            indexPrefix = "";
        }
        if (!indexPrefix.matches("[a-z0-9_.-]*")) {
            throw new IllegalArgumentException("suite.search.index-prefix must be lower-case letters, digits, "
                    + "'_', '.' or '-' (a search cluster's index names): " + indexPrefix);
        }
        if (reindexMaxChange == null) {
            reindexMaxChange = 0.1;
        }
        if (reindexMaxChange < 0) {
            throw new IllegalArgumentException("suite.search.reindex-max-change must not be negative");
        }
    }
}
