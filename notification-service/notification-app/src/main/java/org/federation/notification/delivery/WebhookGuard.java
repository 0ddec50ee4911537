package org.federation.notification.delivery;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps webhooks from reaching inside the federation's network (server-side request forgery): a
 * webhook must be an absolute http or https URL whose host resolves only to public addresses. Every
 * address the host resolves to is checked, so a name that also points at 127.0.0.1 is refused; it is
 * checked at registration and again before every delivery, because what a name resolves to changes.
 * Hosts named in {@code federation.notifications.webhooks.allowed-hosts} (exactly as written in the URL)
 * are let through whatever they resolve to, for development and tests only.
 *
 * <p>Not covered: the HTTP client resolves the name again when it connects, so a name whose answer
 * changes within those milliseconds (DNS rebinding) could still slip through; an egress proxy or
 * firewall is the complete answer.
 */
@Component
public class WebhookGuard {

    /** How a host name becomes addresses; the system resolver outside tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a webhook URL is refused, in words for a problem detail or a delivery's history. */
    public static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    @Autowired
    WebhookGuard(@Value("${federation.notifications.webhooks.allowed-hosts:}") List<String> allowedHosts) {
        this(allowedHosts, InetAddress::getAllByName);
    }

    WebhookGuard(List<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(String::strip).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** The URL, checked; throws {@link Refused} saying why it may not be called. */
    public URI check(String url) throws Refused {
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
        if (allowedHosts.contains(host)) {
            return uri;
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
        for (InetAddress address : addresses) {
            String kind = internal(address);
            if (kind != null) {
                throw new Refused("the webhook's host " + host + " is " + kind + " (" + address.getHostAddress()
                        + "); webhooks must be reachable on the public internet");
            }
        }
        return uri;
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
        if (first >= 240) {
            return "a reserved address"; // 240.0.0.0/4 and the broadcast address
        }
        return null;
    }
}
