package org.openedx.suite.search;

import java.util.List;

/** What a full reindex did, one entry per index. */
public record ReindexReport(List<Index> indexes) {

    /**
     * @param rows      the rows the index is built from, counted before the reindex started
     * @param before    documents in the index before
     * @param after     documents in the index after
     */
    public record Index(String index, long rows, long before, long after) {
    }
}
