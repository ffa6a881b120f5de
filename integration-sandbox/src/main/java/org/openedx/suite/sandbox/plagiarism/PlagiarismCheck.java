package org.openedx.suite.sandbox.plagiarism;

import java.time.Instant;
import java.util.List;

/**
 * A check of one submission, as its report ({@code GET /plagiarism/reports/{check_id}}) shows it.
 *
 * @param matchedWords the words of the text found in the known sources, each once, in the text's order
 */
record PlagiarismCheck(String checkId, String submissionUuid, String courseKey, String usageKey, double similarity,
                       List<String> matchedWords, String reportUrl, String callbackUrl, Instant checkedAt) {

    /** What the callback carries: {@code {submission_uuid, check_id, similarity, report_url}}. */
    Outcome outcome() {
        return new Outcome(submissionUuid, checkId, similarity, reportUrl);
    }

    record Outcome(String submissionUuid, String checkId, double similarity, String reportUrl) {
    }
}
