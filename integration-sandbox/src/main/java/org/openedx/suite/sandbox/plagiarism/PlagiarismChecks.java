package org.openedx.suite.sandbox.plagiarism;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.openedx.suite.sandbox.received.Resettable;
import org.springframework.stereotype.Service;

/**
 * The plagiarism service's checks: a submission is checked at once (the score is deterministic) and the outcome is
 * called back later. A submission whose {@code Idempotency-Key} came before gets that check again, and no new one.
 */
@Service
class PlagiarismChecks implements Resettable {

    static final String REPORTS = "/plagiarism/reports";

    private final Callbacks callbacks;
    private final Map<String, PlagiarismCheck> byId = new HashMap<>();
    private final Map<String, String> idByIdempotencyKey = new HashMap<>();

    PlagiarismChecks(Callbacks callbacks) {
        this.callbacks = callbacks;
    }

    /** The check of the submission: a new one, called back later, unless the idempotency key came before. */
    PlagiarismCheck submit(SubmissionRequest request, String idempotencyKey, String baseUrl) {
        PlagiarismCheck check;
        synchronized (this) {
            String known = idempotencyKey == null ? null : idByIdempotencyKey.get(idempotencyKey);
            if (known != null) {
                return byId.get(known);
            }
            String checkId = UUID.randomUUID().toString();
            Similarity.Score score = Similarity.of(request.text());
            check = new PlagiarismCheck(checkId, request.submissionUuid(), request.courseKey(), request.usageKey(),
                    score.similarity(), score.matchedWords(), baseUrl + REPORTS + "/" + checkId,
                    request.callbackUrl().toString(), Instant.now());
            byId.put(checkId, check);
            if (idempotencyKey != null) {
                idByIdempotencyKey.put(idempotencyKey, checkId);
            }
        }
        callbacks.send(check);
        return check;
    }

    synchronized Optional<PlagiarismCheck> get(String checkId) {
        return Optional.ofNullable(byId.get(checkId));
    }

    @Override
    public void reset() {
        synchronized (this) {
            byId.clear();
            idByIdempotencyKey.clear();
        }
        callbacks.reset();
    }
}
