package org.openedx.suite.sandbox.credly;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sandbox.credly.*}: the organization the stand-in knows from the start ({@code PUT
 * /api/credly/organizations/{organization_id}} adds others).
 *
 * @param organizationId the organization's id ({@code SANDBOX_CREDLY_ORGANIZATION_ID})
 * @param apiKey         its API key, the user of HTTP Basic ({@code SANDBOX_CREDLY_API_KEY})
 */
@ConfigurationProperties("sandbox.credly")
record CredlyProperties(
        @DefaultValue("suite-org") String organizationId,
        @DefaultValue("change-me-credly") String apiKey) {
}
