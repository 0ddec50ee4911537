package org.federation.notification;

import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.RunningApp;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of notification-service's service tests: the app on the embedded backbone, database
 * {@code notification}, sending e-mail to a real SMTP server (GreenMail), with deliveries retried
 * quickly. Steps that depend on the clock (escalations hours ahead) are driven by the tests themselves.
 */
public abstract class EmbeddedBackboneProperties extends RunningApp {

    @DynamicPropertySource
    static void backbone(DynamicPropertyRegistry registry) {
        EmbeddedBackbone.register(registry, "notification");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> Smtp.get().getSmtp().getPort());
        registry.add("federation.notifications.delivery.poll", () -> "PT0.1S");
        // the tests' webhook receivers listen on the loopback address, which the SSRF guard refuses by default
        registry.add("federation.notifications.webhooks.allowed-hosts", () -> "127.0.0.1");
        registry.add("federation.notifications.delivery.backoff", () -> "PT0.2S");
        registry.add("federation.notifications.delivery.max-attempts", () -> "4");
        // the sweep runs on its timer too (a test shows nothing holds it up); it takes only steps due by the real
        // clock, and the tests' deadlines lie hours ahead, so they still take their steps themselves
        registry.add("federation.notifications.escalation.sweep", () -> "PT0.5S");
        registry.add("federation.notifications.escalation.head-delay", () -> "P1D");
        registry.add("federation.notifications.feedback.per-sender", () -> "8");
        registry.add("federation.notifications.feedback.per-address", () -> "1000");
    }
}
