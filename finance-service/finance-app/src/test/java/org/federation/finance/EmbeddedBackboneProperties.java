package org.federation.finance;

import org.federation.platform.testing.EmbeddedBackbone;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.RunningApp;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Base of finance-service's service tests: the app on the embedded backbone, database {@code finance}. */
public abstract class EmbeddedBackboneProperties extends RunningApp {

    /** The app as the portal calls it: a fresh Idempotency-Key on every command (money commands require one). */
    @Override
    public HttpProbe app() {
        return super.app().withFreshIdempotencyKeys();
    }

    @DynamicPropertySource
    static void backbone(DynamicPropertyRegistry registry) {
        EmbeddedBackbone.register(registry, "finance");
    }
}
