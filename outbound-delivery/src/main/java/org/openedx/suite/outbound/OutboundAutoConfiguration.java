package org.openedx.suite.outbound;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import javax.sql.DataSource;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Gives a service that has {@link OutboundPurpose} beans its durable outbound calls: the delivery log and its schema,
 * the worker that sends them, the URL rule, the operator endpoint and the backlog gauges.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
        TransactionAutoConfiguration.class},
        afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnBean(OutboundPurpose.class)
@EnableConfigurationProperties(OutboundProperties.class)
public class OutboundAutoConfiguration {

    @Bean(initMethod = "migrate")
    OutboundSchema outboundSchema(DataSource dataSource) {
        return new OutboundSchema(dataSource);
    }

    @Bean
    OutboundUrlPolicy outboundUrlPolicy(OutboundProperties properties) {
        return new OutboundUrlPolicy(properties.allowedHosts());
    }

    @Bean
    OutboundWorker outboundWorker(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                                  OutboundProperties properties, ObjectProvider<OutboundPurpose> purposes,
                                  OutboundUrlPolicy policy, OutboundSchema schema,
                                  @Value("${spring.application.name:openedx-suite}") String service) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER) // a redirect could lead past the URL rule
                .build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
        requests.setReadTimeout(properties.readTimeout());
        OutboundProperties.Circuit circuit = properties.circuit();
        CircuitBreakerRegistry circuits = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(circuit.failureRate())
                .slidingWindowSize(circuit.window())
                .minimumNumberOfCalls(circuit.minimumCalls())
                .waitDurationInOpenState(circuit.openFor())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
        BulkheadRegistry bulkheads = BulkheadRegistry.of(BulkheadConfig.custom()
                .maxConcurrentCalls(properties.perDestinationConcurrency())
                .maxWaitDuration(Duration.ZERO)
                .build());
        return new OutboundWorker(jdbc, new TransactionTemplate(transactionManager), properties,
                () -> byName(purposes.orderedStream().toList()), policy,
                RestClient.builder().requestFactory(requests).build(), circuits, bulkheads,
                "openedx-event-suite/" + service);
    }

    /** Purposes are resolved on first use: they may themselves need the deliveries (to look a call up, say). */
    @Bean
    OutboundDeliveries outboundDeliveries(JdbcTemplate jdbc, ObjectProvider<OutboundPurpose> purposes,
                                          ObjectProvider<OutboundWorker> worker) {
        return new JdbcOutboundDeliveries(jdbc, () -> byName(purposes.orderedStream().toList()).keySet(),
                () -> worker.getObject().wakeUp());
    }

    private static Map<String, OutboundPurpose> byName(List<OutboundPurpose> purposes) {
        Map<String, OutboundPurpose> byName = new LinkedHashMap<>();
        for (OutboundPurpose purpose : purposes) {
            if (byName.put(purpose.name(), purpose) != null) {
                throw new IllegalStateException("two OutboundPurpose beans are named " + purpose.name());
            }
        }
        return byName;
    }

    @Bean
    OutboundEndpoint outboundEndpoint(OutboundDeliveries deliveries, OutboundWorker worker) {
        return new OutboundEndpoint(deliveries, worker);
    }

    /**
     * {@code suite.outbound.pending}, {@code suite.outbound.failed} and {@code suite.outbound.oldest.pending.age}
     * (seconds), read from the delivery log at most every five seconds however often they are scraped.
     */
    @Bean
    Object outboundGauges(ObjectProvider<MeterRegistry> registry, OutboundDeliveries deliveries) {
        MeterRegistry meters = registry.getIfAvailable();
        if (meters == null) {
            return new Object();
        }
        CachedBacklog backlog = new CachedBacklog(deliveries);
        gauge(meters, "suite.outbound.pending", "outbound calls not delivered yet", backlog,
                OutboundDeliveries.Backlog::pending);
        gauge(meters, "suite.outbound.failed", "outbound calls that failed for good", backlog,
                OutboundDeliveries.Backlog::failed);
        gauge(meters, "suite.outbound.oldest.pending.age", "age of the oldest pending outbound call, seconds",
                backlog, OutboundDeliveries.Backlog::oldestPendingSeconds);
        return backlog;
    }

    private static void gauge(MeterRegistry meters, String name, String description, CachedBacklog backlog,
                              ToDoubleFunction<OutboundDeliveries.Backlog> value) {
        Gauge.builder(name, backlog, cached -> value.applyAsDouble(cached.get())).description(description)
                .register(meters);
    }

    static final class CachedBacklog {
        private final OutboundDeliveries deliveries;
        private final AtomicReference<Read> last = new AtomicReference<>();

        CachedBacklog(OutboundDeliveries deliveries) {
            this.deliveries = deliveries;
        }

        OutboundDeliveries.Backlog get() {
            Read read = last.get();
            if (read == null || System.nanoTime() - read.at() > Duration.ofSeconds(5).toNanos()) {
                try {
                    read = new Read(deliveries.backlog(), System.nanoTime());
                    last.set(read);
                } catch (RuntimeException e) {
                    return read == null ? new OutboundDeliveries.Backlog(0, 0, 0) : read.backlog();
                }
            }
            return read.backlog();
        }

        private record Read(OutboundDeliveries.Backlog backlog, long at) {
        }
    }
}
