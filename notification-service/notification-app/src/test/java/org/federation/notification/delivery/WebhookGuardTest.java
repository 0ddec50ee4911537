package org.federation.notification.delivery;

import org.federation.notification.delivery.domain.WebhookGuard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The SSRF guard on webhook URLs, with a resolver the test controls: no DNS, no network. */
class WebhookGuardTest {

    static final Map<String, List<String>> DNS = Map.of(
            "hooks.example.com", List.of("93.184.216.34"),
            "rebind.example.com", List.of("93.184.216.34", "127.0.0.1"),
            "metadata.example.com", List.of("169.254.169.254"),
            "dev.example.test", List.of("127.0.0.1"));

    static WebhookGuard guard(List<String> allowed) {
        return new WebhookGuard(allowed, host -> {
            List<String> addresses = DNS.get(host);
            if (addresses == null) {
                try {
                    return new InetAddress[] {InetAddress.getByName(host)}; // literals only: no lookup happens
                } catch (UnknownHostException e) {
                    throw e;
                }
            }
            InetAddress[] resolved = new InetAddress[addresses.size()];
            for (int i = 0; i < resolved.length; i++) {
                resolved[i] = InetAddress.getByName(addresses.get(i));
            }
            return resolved;
        });
    }

    @Test
    void aPublicHttpsOrHttpUrlPasses() throws Exception {
        assertThat(guard(List.of()).check("https://hooks.example.com/federation").getHost()).isEqualTo("hooks.example.com");
        assertThat(guard(List.of()).check("http://93.184.216.34/x").getHost()).isEqualTo("93.184.216.34");
        assertThat(guard(List.of()).approve("https://hooks.example.com/x").address().getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(guard(List.of()).check("https://[2606:4700::1111]/x")).isNotNull();
    }

    @Test
    void everyInternalKindOfAddressIsRefusedNamingWhatItIs() {
        Map<String, String> refused = Map.ofEntries(
                Map.entry("http://127.0.0.1/x", "loopback"), Map.entry("http://[::1]/x", "loopback"),
                Map.entry("http://10.0.0.5/x", "private"), Map.entry("http://172.16.3.4/x", "private"),
                Map.entry("http://192.168.1.1/x", "private"), Map.entry("http://[fd12::1]/x", "private"),
                Map.entry("http://100.64.0.1/x", "private"), Map.entry("http://169.254.169.254/x", "link-local"),
                Map.entry("http://[fe80::1]/x", "link-local"), Map.entry("http://224.0.0.1/x", "multicast"),
                Map.entry("http://[ff02::1]/x", "multicast"), Map.entry("http://0.0.0.0/x", "unspecified"),
                Map.entry("http://[::]/x", "unspecified"), Map.entry("http://[::ffff:127.0.0.1]/x", "loopback"),
                Map.entry("http://255.255.255.255/x", "reserved"),
                Map.entry("http://198.18.0.1/x", "reserved"), Map.entry("http://198.19.255.1/x", "reserved"),
                Map.entry("http://[64:ff9b::a00:1]/x", "private"), Map.entry("http://[64:ff9b::7f00:1]/x", "loopback"),
                Map.entry("http://[2002:a9fe:a9fe::1]/x", "link-local"), Map.entry("http://[2002:c0a8:101::]/x", "private"),
                Map.entry("http://[::10.0.0.1]/x", "private"), Map.entry("http://[::ffff:192.168.0.1]/x", "private"),
                Map.entry("https://metadata.example.com/latest", "link-local"),
                Map.entry("https://rebind.example.com/x", "loopback"));
        refused.forEach((url, kind) -> assertThatThrownBy(() -> guard(List.of()).check(url)).as(url)
                .isInstanceOf(WebhookGuard.Refused.class).hasMessageContaining(kind));
    }

    @Test
    void otherSchemesCredentialsAndUnknownHostsAreRefused() {
        for (String url : List.of("ftp://hooks.example.com/x", "file:///etc/passwd", "gopher://hooks.example.com/",
                "hooks.example.com/x", "https://user:pw@hooks.example.com/x", "https://unknown.example.com/x", "http://bad host/")) {
            assertThatThrownBy(() -> guard(List.of()).check(url)).as(url).isInstanceOf(WebhookGuard.Refused.class);
        }
    }

    @Test
    void onlyPorts80And443UnlessConfigured() throws Exception {
        assertThatThrownBy(() -> guard(List.of()).check("http://hooks.example.com:8080/x"))
                .isInstanceOf(WebhookGuard.Refused.class).hasMessageContaining("port");
        assertThatThrownBy(() -> guard(List.of()).check("https://hooks.example.com:6379/x")).isInstanceOf(WebhookGuard.Refused.class);
        assertThat(guard(List.of()).check("http://hooks.example.com:80/x")).isNotNull();
        assertThat(guard(List.of()).check("https://hooks.example.com:443/x")).isNotNull();
        assertThat(new WebhookGuard(List.of(), List.of(8443), host -> new InetAddress[] {InetAddress.getByName("93.184.216.34")})
                .check("https://hooks.example.com:8443/x")).isNotNull();
    }

    @Test
    void onlyTheAllowListedHostAsWrittenIsLetThrough() throws Exception {
        WebhookGuard development = guard(List.of("dev.example.test", " 127.0.0.1 "));
        assertThat(development.check("http://dev.example.test:9999/hook")).isNotNull();
        assertThat(development.check("http://127.0.0.1:9999/hook")).isNotNull();
        assertThatThrownBy(() -> development.check("http://localhost:9999/hook")).isInstanceOf(WebhookGuard.Refused.class);
        assertThatThrownBy(() -> development.check("http://10.0.0.1/hook")).isInstanceOf(WebhookGuard.Refused.class);
    }
}
