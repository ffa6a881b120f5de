package org.openedx.suite.lms.ora;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.openedx.suite.contracts.UsageKey;
import org.openedx.suite.lms.user.Users;
import org.openedx.suite.web.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/ora/{usage_key}/submissions}: a learner submits a response to an open response assessment; the run's
 * staff read the submissions with the plagiarism service's verdict (similarity and report), which learners do not see.
 */
@RestController
@RequestMapping("/api/ora/{usage_key}/submissions")
@Validated
class OraController {

    private final OraSubmissions submissions;
    private final Users users;

    OraController(OraSubmissions submissions, Users users) {
        this.submissions = submissions;
        this.users = users;
    }

    /** The caller's own response; the run's staff (or the operator) may submit for a learner by {@code username}. */
    @PostMapping
    ResponseEntity<SubmissionResponse> submit(@PathVariable("usage_key") @UsageKey String usageKey,
                                              @Valid @RequestBody SubmissionRequest request, Caller caller) {
        String courseKey = OraSubmissions.courseKeyOf(usageKey);
        String username = request.username() != null ? request.username() : caller.username();
        caller.require(caller.is(username) || caller.isStaffOf(courseKey), "submit for " + username);
        SubmissionResponse created = submissions.submit(usageKey, users.require(username), request.text());
        return ResponseEntity.created(URI.create("/api/ora/" + usageKey + "/submissions")).body(created);
    }

    @GetMapping
    List<SubmissionResponse> list(@PathVariable("usage_key") @UsageKey String usageKey, Caller caller) {
        caller.require(caller.isStaffOf(OraSubmissions.courseKeyOf(usageKey)),
                "read the submissions of " + usageKey);
        return submissions.of(usageKey);
    }

    /** @param username absent: the caller */
    record SubmissionRequest(@NotBlank @Size(max = 100_000) String text, @Size(max = 150) String username) {
    }

    record SubmissionResponse(UUID uuid, String usageKey, String courseKey, String username, int attemptNumber,
                              String text, Instant submittedAt, Plagiarism plagiarism) {
    }

    /** @param status {@code not_configured}, {@code pending}, {@code checked} or {@code failed} */
    record Plagiarism(String status, BigDecimal similarity, String reportUrl, Instant checkedAt) {
    }
}
