package org.openedx.suite.sandbox.lrs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sandbox.lrs.*}: the HTTP Basic credentials every call to the LRS must carry.
 *
 * @param username the user ({@code SANDBOX_LRS_USERNAME})
 * @param password the password ({@code SANDBOX_LRS_PASSWORD})
 */
@ConfigurationProperties("sandbox.lrs")
record LrsProperties(
        @DefaultValue("suite-lrs") String username,
        @DefaultValue("change-me-lrs") String password) {
}
