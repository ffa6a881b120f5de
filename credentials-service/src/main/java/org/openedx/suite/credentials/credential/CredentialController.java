package org.openedx.suite.credentials.credential;

import java.util.List;
import java.util.UUID;

import org.openedx.suite.web.ApiException;
import org.openedx.suite.contracts.CourseKey;
import org.openedx.suite.web.security.Caller;
import org.openedx.suite.web.security.Scopes;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/credentials")
class CredentialController {

    private final Credentials credentials;

    CredentialController(Credentials credentials) {
        this.credentials = credentials;
    }

    /** A learner's course-run credentials, awarded and revoked, optionally only the one of a course run. */
    @GetMapping
    List<CredentialResponse> credentials(@RequestParam(required = false) String username,
                                         @RequestParam(name = "course_key", required = false) @CourseKey
                                         String courseKey) {
        // checked here rather than left to Spring so the 400 has the same field-naming shape as every other one
        if (username == null || username.isBlank()) {
            throw ApiException.badRequest("username", "is required: the learner whose credentials to list");
        }
        return credentials.ofLearner(username, courseKey);
    }

    /** Its learner, the staff of its course run and clients with {@code credentials:read} read a credential. */
    @GetMapping("/{uuid}")
    CredentialResponse credential(@PathVariable UUID uuid, Caller caller) {
        CredentialResponse credential = credentials.get(uuid);
        caller.require(caller.is(credential.username()) || caller.isStaffOf(credential.courseKey())
                || caller.hasScope(Scopes.CREDENTIALS_READ), "read credential " + uuid);
        return credential;
    }
}
