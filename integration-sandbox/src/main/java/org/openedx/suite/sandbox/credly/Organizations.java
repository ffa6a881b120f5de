package org.openedx.suite.sandbox.credly;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.openedx.suite.sandbox.web.ApiKeys;
import org.openedx.suite.sandbox.web.SandboxException;
import org.springframework.stereotype.Service;

/**
 * The Credly organizations the stand-in knows, each with its API key: the one of {@code sandbox.credly.*} and those
 * put by REST. Like the receivers' secrets, they outlive {@code DELETE /api/received}.
 */
@Service
class Organizations {

    static final String CHALLENGE = "Basic realm=\"credly\"";

    private final Map<String, String> apiKeys = new ConcurrentHashMap<>();

    Organizations(CredlyProperties properties) {
        if (properties.organizationId().isBlank() || properties.apiKey().isBlank()) {
            throw new IllegalStateException("sandbox.credly.organization-id (SANDBOX_CREDLY_ORGANIZATION_ID) and "
                    + "sandbox.credly.api-key (SANDBOX_CREDLY_API_KEY) must not be blank");
        }
        apiKeys.put(properties.organizationId(), properties.apiKey());
    }

    /** Knows the organization from now on, with this key (replacing the one it had). */
    void put(String organizationId, String apiKey) {
        apiKeys.put(organizationId, apiKey);
    }

    /**
     * Refuses a request to an organization the stand-in does not know (404) or without the organization's key as
     * HTTP Basic (401).
     */
    void authenticate(String organizationId, String authorization) {
        String apiKey = apiKeys.get(organizationId);
        if (apiKey == null) {
            throw SandboxException.notFound("no organization has the id " + organizationId);
        }
        if (!ApiKeys.basic(authorization, apiKey)) {
            throw SandboxException.unauthorized(CHALLENGE,
                    "HTTP Basic with the organization's API key as the user and an empty password is required");
        }
    }
}
