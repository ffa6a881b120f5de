package org.openedx.suite.insights.statement;

import org.openedx.suite.insights.InsightsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mapping with this deployment's LMS and anonymous-id key; a warning when the key is the built-in one. */
@Configuration(proxyBeanMethods = false)
class StatementSetup {

    private static final Logger log = LoggerFactory.getLogger(StatementSetup.class);

    @Bean
    XapiStatements xapiStatements(InsightsSettings settings) {
        if (InsightsSettings.DEFAULT_SECRET.equals(settings.anonymousIdSecret())) {
            log.warn("INSIGHTS_ANONYMOUS_ID_SECRET is the built-in development value: anyone who knows it can tell "
                    + "which user id an actor of the statements is; set a secret of your own");
        }
        return new XapiStatements(settings.lmsRootUrl(), settings.anonymousIdSecret());
    }
}
