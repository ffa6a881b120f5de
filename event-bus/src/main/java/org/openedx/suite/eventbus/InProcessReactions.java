package org.openedx.suite.eventbus;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * A service's in-process reactions to its own events ({@code @ApplicationModuleListener}s; ADR 10) get the event
 * bus's promises: Spring Modulith records each reaction in the transaction of the change that raised it and marks it
 * done in the reaction's own, and republishes the unfinished ones when the service restarts. This adds the retries:
 * a failed reaction is tried again every {@code event-bus.reactions.retry-interval}, up to
 * {@code event-bus.reactions.max-attempts} times; after that it stays failed, counted in the health details as
 * needing a person (the in-process dead letters), and the other reactions go on.
 */
@AutoConfiguration(afterName = "org.springframework.modulith.events.config.EventPublicationAutoConfiguration")
@ConditionalOnClass(FailedEventPublications.class)
@ConditionalOnBean(FailedEventPublications.class)
@EnableAsync
public class InProcessReactions {

    private static final Logger log = LoggerFactory.getLogger(InProcessReactions.class);

    @Bean
    SmartLifecycle failedReactionsRetried(FailedEventPublications failed,
                                          @Value("${event-bus.reactions.retry-interval:5s}") Duration interval,
                                          @Value("${event-bus.reactions.max-attempts:10}") int maxAttempts) {
        ResubmissionOptions retry = ResubmissionOptions.defaults().withMinAge(interval).withBatchSize(100)
                .withFilter((EventPublication publication) -> publication.getCompletionAttempts() < maxAttempts);
        return new SmartLifecycle() {
            private ScheduledExecutorService scheduler;

            @Override
            public void start() {
                scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "reactions-retry");
                    thread.setDaemon(true);
                    return thread;
                });
                scheduler.scheduleWithFixedDelay(() -> {
                    try {
                        failed.resubmit(retry);
                    } catch (RuntimeException e) {
                        log.warn("Could not resubmit failed reactions ({}); trying again in {}", e.toString(), interval);
                    }
                }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
            }

            @Override
            public void stop() {
                scheduler.shutdownNow();
            }

            @Override
            public boolean isRunning() {
                return scheduler != null && !scheduler.isShutdown();
            }
        };
    }

    /** Reactions not done yet, and those that failed every attempt. */
    @Bean
    HealthIndicator reactionsHealthIndicator(JdbcTemplate jdbc,
                                             @Value("${event-bus.reactions.max-attempts:10}") int maxAttempts) {
        return () -> {
            Integer pending = jdbc.queryForObject(
                    "SELECT count(*) FROM event_publication WHERE completion_date IS NULL", Integer.class);
            Integer exhausted = jdbc.queryForObject("SELECT count(*) FROM event_publication "
                    + "WHERE completion_date IS NULL AND status = 'FAILED' AND completion_attempts >= ?",
                    Integer.class, maxAttempts);
            return Health.up().withDetail("pending", pending).withDetail("failedEveryAttempt", exhausted).build();
        };
    }
}
