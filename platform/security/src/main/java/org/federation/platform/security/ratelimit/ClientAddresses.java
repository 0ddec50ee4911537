package org.federation.platform.security.ratelimit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.security.web.util.matcher.IpAddressMatcher;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client's address as seen through the configured trusted proxies only. The peer of the
 * connection is the client unless it is a trusted proxy; then {@code X-Forwarded-For} is read from
 * the right (each proxy appends the address it saw) and the right-most address that is not a
 * trusted proxy is the client. Whatever the client itself wrote further left is never believed,
 * and the header from a peer that is not a trusted proxy is ignored altogether: anyone can send it.
 */
public final class ClientAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<IpAddressMatcher> trustedProxies;

    /** @param trustedProxies CIDR blocks or single addresses of the proxies in front of the service */
    public ClientAddresses(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty()).map(ClientAddresses::matcher).toList();
    }

    private static IpAddressMatcher matcher(String cidr) {
        if (!isLiteral(cidr.contains("/") ? cidr.substring(0, cidr.indexOf('/')) : cidr)) {
            throw new IllegalArgumentException("federation.security.trusted-proxies: '" + cidr
                    + "' is not an IP address or CIDR block (host names are not accepted)");
        }
        return new IpAddressMatcher(cidr);
    }

    /** The address the request came from, for keying limits by client. */
    public String of(HttpServletRequest request) {
        String client = request.getRemoteAddr();
        if (!isTrusted(client)) {
            return client;
        }
        List<String> hops = forwardedHops(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (!isLiteral(hop)) {
                // not an address (e.g. "unknown"): nothing further left can be trusted either,
                // so the request counts under the last trusted hop
                return client;
            }
            client = hop;
            if (!isTrusted(hop)) {
                return client;
            }
        }
        return client;
    }

    private static List<String> forwardedHops(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String hop : header.split(",")) {
                String stripped = hop.strip();
                if (stripped.startsWith("[") && stripped.endsWith("]")) {
                    stripped = stripped.substring(1, stripped.length() - 1);
                }
                hops.add(stripped);
            }
        }
        return hops;
    }

    private boolean isTrusted(String address) {
        if (trustedProxies.isEmpty() || !isLiteral(address)) {
            return false;
        }
        return trustedProxies.stream().anyMatch(m -> m.matches(address));
    }

    /**
     * An IP literal, never a host name: matching parses the address, and a host name would make
     * every request with a made-up header cost a DNS lookup.
     */
    private static boolean isLiteral(String address) {
        return address != null && address.length() <= 45
                && (IPV4.matcher(address).matches() || (address.contains(":") && address.matches("[0-9A-Fa-f:.]+")));
    }
}
