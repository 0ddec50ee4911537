package org.federation.notification.delivery.infrastructure;

import java.util.List;

import org.federation.notification.delivery.domain.WebhookGuard;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link WebhookGuard} of this instance: hosts let through whatever they resolve to
 * ({@code federation.notifications.webhooks.allowed-hosts}, development and tests only) and the ports
 * webhooks may name ({@code federation.notifications.webhooks.allowed-ports}, 80 and 443 by default),
 * resolving with the system resolver.
 */
@Configuration(proxyBeanMethods = false)
class WebhookGuardSettings {

    @Bean
    WebhookGuard webhookGuard(@Value("${federation.notifications.webhooks.allowed-hosts:}") List<String> allowedHosts,
                              @Value("${federation.notifications.webhooks.allowed-ports:80,443}") List<Integer> allowedPorts) {
        return new WebhookGuard(allowedHosts, allowedPorts);
    }
}
