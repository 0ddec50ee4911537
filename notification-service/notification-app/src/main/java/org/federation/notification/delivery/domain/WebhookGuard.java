package org.federation.notification.delivery.domain;


import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;


/**
 * Keeps webhooks from reaching inside the federation's network (server-side request forgery): a
 * webhook must be an absolute http or https URL whose host resolves only to public addresses. Every
 * address the host resolves to is checked, so a name that also points at 127.0.0.1 is refused; it is
 * checked at registration and again before every delivery, because what a name resolves to changes.
 * Hosts named in {@code federation.notifications.webhooks.allowed-hosts} (exactly as written in the URL)
 * are let through whatever they resolve to, for development and tests only.
 *
 * <p>{@link #approve} answers the very address it checked ({@link Approved}), and the delivery connects
 * to that address and no other (the webhook channel): the HTTP client never resolves the name again,
 * so a name whose answer changes between the check and the connection (DNS rebinding) cannot lead the
 * delivery inside. Only ports 80 and 443 are called unless
 * {@code federation.notifications.webhooks.allowed-ports} says otherwise (an internal service on a
 * public address's odd port is no webhook). An egress proxy or firewall remains the complete answer.
 */
public class WebhookGuard {

    /** How a host name becomes addresses; the system resolver outside tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a webhook URL is refused, in words for a problem detail or a delivery's history. */
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    /**
     * A webhook URL that may be called, and the one address it may be called at: the address the
     * guard checked, which the delivery connects to instead of resolving the host again.
     */
    public record Approved(URI uri, InetAddress address) {
        /** The port the URL names, or its scheme's default. */
        public int port() {
            return port(uri);
        }

        static int port(URI uri) {
            return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
    }

    private final Set<String> allowedHosts;
    private final Set<Integer> allowedPorts;
    private final Resolver resolver;

    /** Resolving with the system resolver. */
    public WebhookGuard(List<String> allowedHosts, List<Integer> allowedPorts) {
        this(allowedHosts, allowedPorts, InetAddress::getAllByName);
    }

    public WebhookGuard(List<String> allowedHosts, Resolver resolver) {
        this(allowedHosts, List.of(80, 443), resolver);
    }

    public WebhookGuard(List<String> allowedHosts, List<Integer> allowedPorts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(String::strip).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.allowedPorts = Set.copyOf(allowedPorts);
        this.resolver = resolver;
    }

    /** The URL, checked; throws {@link Refused} saying why it may not be called. */
    public URI check(String url) throws Refused {
        return approve(url).uri();
    }

    /** The URL, checked, with the address to connect to; throws {@link Refused} saying why it may not be called. */
    public Approved approve(String url) throws Refused {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new Refused("not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new Refused("a webhook is an absolute http or https URL: " + url);
        }
        if (uri.getUserInfo() != null) {
            throw new Refused("a webhook URL carries no user name or password: " + url);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean allowListed = allowedHosts.contains(host);
        if (!allowListed && !allowedPorts.contains(Approved.port(uri))) {
            throw new Refused("a webhook is called on port " + allowedPorts.stream().sorted().map(String::valueOf)
                    .collect(Collectors.joining(" or ")) + ", not " + Approved.port(uri) + ": " + url);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new Refused("the webhook's host " + host + " cannot be resolved");
        }
        if (addresses == null || addresses.length == 0) {
            throw new Refused("the webhook's host " + host + " cannot be resolved");
        }
        if (allowListed) {
            // development and tests: whatever it resolves to, but still pinned to one address
            return new Approved(uri, addresses[0]);
        }
        for (InetAddress address : addresses) {
            String kind = internal(address);
            if (kind != null) {
                throw new Refused("the webhook's host " + host + " is " + kind + " (" + address.getHostAddress()
                        + "); webhooks must be reachable on the public internet");
            }
        }
        return new Approved(uri, addresses[0]);
    }

    /**
     * The IPv4 address inside NAT64 (64:ff9b::/96), 6to4 (2002::/16) and IPv4-compatible (::/96) or
     * -mapped (::ffff:0:0/96) IPv6 addresses, or null for any other IPv6 address.
     */
    private static InetAddress embeddedIpv4(byte[] b) {
        byte[] v4;
        if (b[0] == 0x20 && b[1] == 0x02) {
            v4 = new byte[] {b[2], b[3], b[4], b[5]};
        } else if (prefixIs(b, new byte[] {0x00, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})
                || prefixIs(b, new byte[12])
                || prefixIs(b, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff})) {
            v4 = new byte[] {b[12], b[13], b[14], b[15]};
        } else {
            return null;
        }
        try {
            return InetAddress.getByAddress(v4);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    private static boolean prefixIs(byte[] address, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** What kind of non-public address this is, or null for a public one. */
    static String internal(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return "an unspecified address";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (address.isLinkLocalAddress()) {
            return "a link-local address";
        }
        if (address.isMulticastAddress()) {
            return "a multicast address";
        }
        if (address.isSiteLocalAddress()) {
            return "a private address";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return "a private address"; // unique local, fc00::/7
            }
            // IPv6 forms that carry an IPv4 address, which the network may route to it: judge that address
            InetAddress embedded = embeddedIpv4(b);
            if (embedded != null) {
                String kind = internal(embedded);
                return kind == null ? null : kind + " inside an IPv6 address";
            }
            return null;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0) {
            return "an unspecified address"; // 0.0.0.0/8, "this network"
        }
        if (first == 100 && second >= 64 && second < 128) {
            return "a private address"; // carrier-grade NAT, 100.64.0.0/10
        }
        if (first == 198 && (second == 18 || second == 19)) {
            return "a reserved address"; // benchmarking, 198.18.0.0/15, often used inside networks
        }
        if (first >= 240) {
            return "a reserved address"; // 240.0.0.0/4 and the broadcast address
        }
        return null;
    }
}
