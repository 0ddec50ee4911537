package org.federation.event;

import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.RunningApp;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of event-service's service tests: the app on the embedded backbone, database {@code event}. */
public abstract class EmbeddedBackboneProperties extends RunningApp {

    @DynamicPropertySource
    static void backbone(DynamicPropertyRegistry registry) {
        EmbeddedBackbone.register(registry, "event");
    }
}
