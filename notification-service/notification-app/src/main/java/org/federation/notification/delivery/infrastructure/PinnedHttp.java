package org.federation.notification.delivery.infrastructure;

import org.federation.notification.delivery.domain.WebhookGuard;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * A POST to a webhook at the very address {@link WebhookGuard} approved. The client gets a DNS
 * resolver of its own that knows one name, the URL's host, and answers only the approved address;
 * the request still names the host (Host header, TLS server name and certificate check), so a
 * webhook behind a shared address or a certificate for its name works as before. The JDK's client
 * cannot be told where to connect: it would resolve the name again, and an answer changed since the
 * check (DNS rebinding) would lead the delivery inside the network.
 */
final class PinnedHttp {

    private final Timeout connectTimeout;
    private final Timeout responseTimeout;

    PinnedHttp(java.time.Duration connectTimeout, java.time.Duration responseTimeout) {
        this.connectTimeout = Timeout.of(connectTimeout);
        this.responseTimeout = Timeout.of(responseTimeout);
    }

    /** Posts the JSON body with these headers; answers the HTTP status. */
    int post(WebhookGuard.Approved approved, Map<String, String> headers, String json) throws IOException {
        String host = bare(approved.uri().getHost());
        DnsResolver onlyTheApprovedAddress = new DnsResolver() {
            @Override
            public InetAddress[] resolve(String name) throws UnknownHostException {
                if (bare(name).equals(host)) {
                    return new InetAddress[] {approved.address()};
                }
                throw new UnknownHostException(name + " was not approved for this delivery");
            }

            @Override
            public String resolveCanonicalHostname(String name) {
                return name;
            }
        };
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(onlyTheApprovedAddress)
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().useSystemProperties().buildClassic())
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connectTimeout)
                        .setSocketTimeout(responseTimeout).build())
                .build();
        try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(connections)
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(responseTimeout).build()).build()) {
            HttpPost post = new HttpPost(approved.uri());
            headers.forEach(post::setHeader);
            post.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
            return client.execute(post, response -> response.getCode());
        }
    }

    private static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
