package org.openedx.suite.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which URLs the suite may call (no server-side request forgery): {@code https} only, and never a host that resolves
 * to a loopback, private, link-local, unique-local, carrier-grade NAT, multicast or unspecified address, unless the
 * host is listed in {@code OUTBOUND_ALLOWED_HOSTS} ({@code suite.outbound.allowed-hosts}); a listed host may also use
 * plain {@code http}. Checked when a URL is configured (a 400 naming the field) and again before every attempt, since
 * what a name resolves to can change.
 */
public final class OutboundUrlPolicy {

    private final Set<String> allowedHosts;

    public OutboundUrlPolicy(Collection<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(String::trim).filter(host -> !host.isEmpty())
                .map(host -> host.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    /** Why {@code url} may not be called, or empty when it may. A name that does not resolve is refused too. */
    public Optional<String> refusal(URI url) {
        return check(url).map(Refusal::reason);
    }

    /** Empty when {@code url} may be called; otherwise why not, and whether asking again later could change it. */
    Optional<Refusal> check(URI url) {
        if (url == null || !url.isAbsolute() || url.getHost() == null || url.isOpaque()) {
            return refused("is not an absolute http(s) URL with a host");
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return refused("must use https");
        }
        if (url.getRawUserInfo() != null) {
            return refused("must not carry a user name or password");
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.contains(host) || allowedHosts.contains(bareHost)) {
            return Optional.empty();
        }
        if (!scheme.equals("https")) {
            return refused("must use https (plain http only to a host in OUTBOUND_ALLOWED_HOSTS)");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bareHost);
        } catch (UnknownHostException e) {
            return Optional.of(new Refusal("host " + bareHost + " does not resolve", true));
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return refused("host " + bareHost + " is a private or loopback address (" + address.getHostAddress()
                        + "); list it in OUTBOUND_ALLOWED_HOSTS to allow it");
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refused(String reason) {
        return Optional.of(new Refusal(reason, false));
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // 0.0.0.0/8, CGNAT 100.64.0.0/10
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)  // 192.0.0.0/24, protocol assignments
                    || (first == 198 && (second == 18 || second == 19))      // benchmarking 198.18.0.0/15
                    || first >= 240;                                          // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((bytes[0] & 0xfe) == 0xfc) {                                  // unique local fc00::/7
                return true;
            }
            boolean v4Mapped = true;                                          // ::ffff:a.b.c.d
            for (int i = 0; i < 10; i++) {
                v4Mapped &= bytes[i] == 0;
            }
            if (v4Mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    /** @param retryable true when the same URL may pass later (its name did not resolve now) */
    record Refusal(String reason, boolean retryable) {
    }
}
