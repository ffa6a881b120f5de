package org.openedx.suite.credentials.credential;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Learners' course-run credentials were awarded or revoked in this transaction: published in-process, before it
 * commits, so that what follows from them (program certificates) commits with them or not at all.
 *
 * @param courseKeysByLearner the course runs whose credential each learner gained or lost
 * @param timeByLearner       the time of the newest certificate event behind each learner's changes
 */
public record CredentialsChanged(Map<String, Set<String>> courseKeysByLearner, Map<String, Instant> timeByLearner) {
}
