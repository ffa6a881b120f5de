package org.openedx.suite.lms.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.openedx.suite.lms.user.Users;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's token without the user's password, for the local run and the scripts: off unless
 * {@code SUITE_DEV_TOKENS=true}, and then the operator's alone ({@code LmsAccess}). Whoever holds the operator's token
 * may act as any user this way, which is why nothing but the local run and the tests turns it on.
 */
@RestController
@ConditionalOnBooleanProperty("suite.identity.dev-tokens")
class DevTokenController {

    private final Users users;
    private final SuiteTokens tokens;

    DevTokenController(Users users, SuiteTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @PostMapping("/api/dev/tokens")
    SuiteTokens.IssuedToken issue(@Valid @RequestBody TokenRequest request) {
        return tokens.forUser(users.require(request.username()));
    }

    record TokenRequest(@NotBlank String username) {
    }
}
