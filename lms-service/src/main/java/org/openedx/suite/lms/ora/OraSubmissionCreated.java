package org.openedx.suite.lms.ora;

import org.openedx.suite.contracts.OraSubmissionEvent;

/**
 * {@code org.openedx.learning.ora.submission.created.v1}, published in-process in the transaction that stores the
 * submission: its listeners' writes (the plagiarism check to request, the staff to notify) commit with it or not at
 * all.
 */
record OraSubmissionCreated(OraSubmissionEvent event, String courseKey, String username, String text) {

    String submissionUuid() {
        return event.submission().uuid();
    }

    String usageKey() {
        return event.submission().location();
    }
}
