package org.openedx.suite.sandbox.credly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openedx.suite.sandbox.received.Resettable;
import org.openedx.suite.sandbox.web.SandboxException;
import org.springframework.stereotype.Service;

/**
 * The badges each organization issued, in issue order. As Credly does, a recipient holding an accepted badge of a
 * template gets no second one (422); once it is revoked, the template may be issued to them again, as a new badge.
 * An issue whose {@code Idempotency-Key} the organization took before gets that badge again, and no new one.
 */
@Service
class Badges implements Resettable {

    /** Credly's words for a badge the recipient holds. */
    static final String ALREADY_HELD = "User already has this badge";

    private final Map<String, Map<String, Badge>> byOrganization = new HashMap<>();
    /** [organization, key] to the id of the badge the issue with that key made. */
    private final Map<List<String>, String> idByIdempotencyKey = new HashMap<>();

    /** The badge of the request: a new one, unless the key came before; {@code created} tells which. */
    synchronized Issued issue(String organizationId, IssueRequest request, String idempotencyKey) {
        Map<String, Badge> badges = byOrganization.computeIfAbsent(organizationId, id -> new LinkedHashMap<>());
        List<String> key = idempotencyKey == null ? null : List.of(organizationId, idempotencyKey);
        String known = key == null ? null : idByIdempotencyKey.get(key);
        if (known != null) {
            return new Issued(badges.get(known), false);
        }
        if (badges.values().stream().anyMatch(badge -> badge.heldAs(request))) {
            throw SandboxException.unprocessable(ALREADY_HELD);
        }
        Badge badge = request.toBadge(Instant.now());
        badges.put(badge.id(), badge);
        if (key != null) {
            idByIdempotencyKey.put(key, badge.id());
        }
        return new Issued(badge, true);
    }

    /** Revokes the badge; one revoked before is answered as it is. */
    synchronized Badge revoke(String organizationId, String badgeId, String reason) {
        Map<String, Badge> badges = byOrganization.get(organizationId);
        Badge known = badges == null ? null : badges.get(badgeId);
        if (known == null) {
            throw SandboxException.notFound("organization " + organizationId + " has no badge with the id " + badgeId);
        }
        Badge revoked = known.revoked(reason, Instant.now());
        badges.put(badgeId, revoked);
        return revoked;
    }

    synchronized List<Badge> list(String organizationId) {
        return new ArrayList<>(byOrganization.getOrDefault(organizationId, Map.of()).values());
    }

    @Override
    public synchronized void reset() {
        byOrganization.clear();
        idByIdempotencyKey.clear();
    }

    record Issued(Badge badge, boolean created) {
    }
}
