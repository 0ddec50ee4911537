package org.federation.event;

import org.federation.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** event-service keeps the platform's layering (see {@link ArchitectureRules}). */
class ArchitectureTest {

    @Test
    void domainIsPlainJavaAndLayersPointInwards() {
        ArchitectureRules.check("org.federation.event");
    }
}
