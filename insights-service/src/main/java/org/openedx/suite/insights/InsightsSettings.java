package org.openedx.suite.insights;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code insights.*}: the LMS the statements point at, the key of the learners' anonymous ids, and the external LRS
 * that statements are forwarded to, if any.
 *
 * @param lmsRootUrl        the LMS's root URL ({@code INSIGHTS_LMS_ROOT_URL}): actors' {@code homePage}, activity ids
 * @param lmsPublicUrl      the LMS as browsers reach it ({@code INSIGHTS_LMS_PUBLIC_URL}): where the dashboard signs in
 * @param anonymousIdSecret the HMAC key of the anonymous ids ({@code INSIGHTS_ANONYMOUS_ID_SECRET})
 * @param lrs               the LRS to forward to ({@code INSIGHTS_LRS_URL}, {@code _USERNAME}, {@code _PASSWORD})
 */
@ConfigurationProperties("insights")
public record InsightsSettings(
        @DefaultValue("http://localhost:18000") String lmsRootUrl,
        @DefaultValue("http://localhost:18000") String lmsPublicUrl,
        @DefaultValue(InsightsSettings.DEFAULT_SECRET) String anonymousIdSecret,
        @DefaultValue Lrs lrs) {

    /** The development default, which start-up warns about. */
    public static final String DEFAULT_SECRET = "change-me-insights";

    /** @param url blank: no forwarding */
    public record Lrs(@DefaultValue("") String url, @DefaultValue("") String username,
                      @DefaultValue("") String password) {

        public boolean enabled() {
            return url != null && !url.isBlank();
        }
    }
}
