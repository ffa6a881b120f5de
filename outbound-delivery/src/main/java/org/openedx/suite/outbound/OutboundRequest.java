package org.openedx.suite.outbound;

import java.net.URI;
import java.util.Objects;

/**
 * A call to make: written by {@link OutboundDeliveries#enqueue} in the transaction of the change that causes it.
 *
 * @param purpose     the {@link OutboundPurpose} that signs its attempts and hears its outcome, e.g. {@code webhook}
 * @param reference   what the purpose needs to find its own row again (a subscription id, a certificate, ...)
 * @param orderingKey calls to one destination with the same key are made one after the other, in enqueue order
 * @param method      {@code POST}, {@code PUT}, {@code DELETE}, ...
 * @param url         absolute {@code http} or {@code https} URL
 * @param body        the JSON body; null for none
 */
public record OutboundRequest(String purpose, String reference, String orderingKey, String method, URI url,
                              String body) {

    public static final String JSON = "application/json";

    public OutboundRequest {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(orderingKey, "orderingKey");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        if (!url.isAbsolute() || url.getHost() == null) {
            throw new IllegalArgumentException("not an absolute URL with a host: " + url);
        }
    }

    public static OutboundRequest post(String purpose, String reference, String orderingKey, URI url, String body) {
        return new OutboundRequest(purpose, reference, orderingKey, "POST", url, body);
    }

    /** Where the call goes, as the circuit breaker and the concurrency limit count: {@code scheme://host:port}. */
    String destination() {
        return destinationOf(url);
    }

    static String destinationOf(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return url.getScheme().toLowerCase() + "://" + url.getHost().toLowerCase() + ":" + port;
    }
}
