package org.openedx.suite.sandbox.accredible;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openedx.suite.sandbox.received.Resettable;
import org.openedx.suite.sandbox.web.SandboxException;
import org.springframework.stereotype.Service;

/**
 * Accredible's credentials, numbered from 1 in issue order (the numbers go on after a reset: an id is never given
 * twice). An issue whose {@code Idempotency-Key} was taken before gets that credential again, and no new one.
 */
@Service
class Credentials implements Resettable {

    private final Map<Long, Credential> byId = new LinkedHashMap<>();
    private final Map<String, Long> idByIdempotencyKey = new HashMap<>();
    private long lastId;

    /** The credential of the request: a new one, unless the key came before. */
    synchronized Credential issue(CredentialRequest request, String idempotencyKey) {
        Long known = idempotencyKey == null ? null : idByIdempotencyKey.get(idempotencyKey);
        if (known != null) {
            return byId.get(known);
        }
        Credential credential = request.toCredential(++lastId);
        byId.put(credential.id(), credential);
        if (idempotencyKey != null) {
            idByIdempotencyKey.put(idempotencyKey, credential.id());
        }
        return credential;
    }

    /** Sets the credential's {@code expired_on} (again, if it had one). */
    synchronized Credential expire(String id, LocalDate on) {
        Credential known = byId.get(parseId(id));
        if (known == null) {
            throw SandboxException.notFound("no credential has the id " + id);
        }
        Credential expired = known.expired(on);
        byId.put(expired.id(), expired);
        return expired;
    }

    /** The credentials of a group (null: of every group), in issue order. */
    synchronized List<Credential> list(Integer groupId) {
        return byId.values().stream().filter(credential -> groupId == null || credential.groupId() == groupId)
                .toList();
    }

    @Override
    public synchronized void reset() {
        byId.clear();
        idByIdempotencyKey.clear();
    }

    /** The id in a path; one that is not a number is no credential's (-1). */
    private static long parseId(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
