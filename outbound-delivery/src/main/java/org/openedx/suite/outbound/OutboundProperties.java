package org.openedx.suite.outbound;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code suite.outbound.*}: how calls are sent and retried.
 *
 * @param threads                    calls in flight at once, over all destinations
 * @param perDestinationConcurrency  calls in flight at once to one destination; a slow receiver holds only these
 * @param firstRetry                 the wait before the second attempt; each further wait is {@code backoffMultiplier}
 *                                   times longer, up to {@code maxRetryInterval}, spread by {@code jitter} (0..1)
 * @param giveUpAfter                a call still failing this long after it was written fails for good
 * @param lease                      how long a call in flight is reserved for its worker; after that (the worker's
 *                                   process died) another sends it again, with the same idempotency key
 * @param allowedHosts               hosts that may be called although private, loopback or plain http
 *                                   ({@code OUTBOUND_ALLOWED_HOSTS})
 */
@ConfigurationProperties("suite.outbound")
public record OutboundProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("8") int threads,
        @DefaultValue("4") int perDestinationConcurrency,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("1s") Duration firstRetry,
        @DefaultValue("2.0") double backoffMultiplier,
        @DefaultValue("0.5") double jitter,
        @DefaultValue("10m") Duration maxRetryInterval,
        @DefaultValue("24h") Duration giveUpAfter,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("1m") Duration lease,
        @DefaultValue Circuit circuit,
        @DefaultValue List<String> allowedHosts) {

    public OutboundProperties {
        if (lease.compareTo(connectTimeout.plus(readTimeout)) <= 0) {
            throw new IllegalArgumentException("suite.outbound.lease (" + lease + ") must be longer than "
                    + "connect-timeout + read-timeout (" + connectTimeout.plus(readTimeout) + ")");
        }
        if (threads < 1 || perDestinationConcurrency < 1) {
            throw new IllegalArgumentException("suite.outbound.threads and per-destination-concurrency must be >= 1");
        }
    }

    /**
     * The circuit breaker of each destination (Resilience4j): once {@code failureRate} percent of the last
     * {@code window} calls (at least {@code minimumCalls}) failed, no call goes there for {@code openFor}; then one
     * trial call decides whether it closes again.
     */
    public record Circuit(
            @DefaultValue("50") float failureRate,
            @DefaultValue("10") int window,
            @DefaultValue("5") int minimumCalls,
            @DefaultValue("30s") Duration openFor) {
    }
}
