package org.openedx.suite.credentials.badge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openedx.suite.web.ApiException;
import org.openedx.suite.web.security.Caller;
import org.openedx.suite.web.security.Scopes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/badges}: learners' badges, with their state at the provider and the requirements fulfilled. */
@RestController
@RequestMapping("/api/badges")
class BadgeController {

    private final Badges badges;

    BadgeController(Badges badges) {
        this.badges = badges;
    }

    @GetMapping
    List<BadgeResponse> of(@RequestParam(required = false) String username) {
        if (username == null || username.isBlank()) {
            throw ApiException.badRequest("username", "is required: the learner whose badges to list");
        }
        return badges.of(username);
    }

    /** Its learner and clients with {@code credentials:read} read a badge. */
    @GetMapping("/{uuid}")
    BadgeResponse badge(@PathVariable UUID uuid, Caller caller) {
        BadgeResponse badge = badges.get(uuid);
        caller.require(caller.is(badge.username()) || caller.hasScope(Scopes.CREDENTIALS_READ), "read badge " + uuid);
        return badge;
    }

    /**
     * @param providerState         {@code pending}, {@code accepted}, {@code error}, {@code revoked}, or {@code none}
     *                              for an internal badge
     * @param providerError         the provider's refusal, when {@code error}
     * @param fulfilledRequirements the indexes of the template's requirements the learner fulfils
     */
    record BadgeResponse(UUID uuid, UUID templateUuid, String templateName, String username, String status,
                         String providerState, String providerError, Instant modified,
                         List<Integer> fulfilledRequirements) {
    }
}
