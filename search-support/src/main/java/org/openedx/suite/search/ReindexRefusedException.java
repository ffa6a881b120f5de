package org.openedx.suite.search;

import org.openedx.suite.web.ApiException;
import org.springframework.http.HttpStatus;

/** A reindex would change an index's size by more than {@code suite.search.reindex-max-change}; nothing was written. */
public class ReindexRefusedException extends ApiException {

    ReindexRefusedException(String index, long documents, long rows, double maxChange) {
        super(HttpStatus.CONFLICT, "force", "index " + index + " holds " + documents + " documents and would hold "
                + rows + ", a change of more than " + Math.round(maxChange * 100)
                + "% (suite.search.reindex-max-change); nothing was reindexed. Check the table, or reindex with force=true");
    }
}
