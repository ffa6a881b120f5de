package org.openedx.suite.credentials.credential;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which course runs learners hold an awarded credential for: what program certificates follow. */
@Service
public class CredentialHoldings {

    private final CourseRunCredentialRepository credentials;

    CredentialHoldings(CourseRunCredentialRepository credentials) {
        this.credentials = credentials;
    }

    /** For each of these learners, the course runs among {@code courseKeys} they hold an awarded credential for. */
    @Transactional(readOnly = true)
    public Map<String, Set<String>> awarded(Collection<String> usernames, Collection<String> courseKeys) {
        Map<String, Set<String>> held = new HashMap<>();
        for (CourseRunCredential credential : credentials.findAwardedOf(usernames.toArray(String[]::new),
                courseKeys.toArray(String[]::new))) {
            held.computeIfAbsent(credential.username(), u -> new HashSet<>()).add(credential.courseKey());
        }
        return held;
    }

    /** The learners who hold an awarded credential for every one of these course runs. */
    @Transactional(readOnly = true)
    public Set<String> holdersOfAll(Collection<String> courseKeys) {
        return Set.copyOf(credentials.holdersOfAll(courseKeys.toArray(String[]::new), courseKeys.size()));
    }
}
