package org.openedx.suite.sandbox.accredible;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sandbox.accredible.*}.
 *
 * @param apiKey the API key Accredible's callers send as {@code Authorization: Token token=<key>}
 *               ({@code SANDBOX_ACCREDIBLE_API_KEY})
 */
@ConfigurationProperties("sandbox.accredible")
record AccredibleProperties(@DefaultValue("change-me-accredible") String apiKey) {
}
