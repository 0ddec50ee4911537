package org.federation.club;

import org.federation.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** club-service keeps the platform's layering (see {@link ArchitectureRules}). */
class ArchitectureTest {

    @Test
    void domainIsPlainJavaAndLayersPointInwards() {
        ArchitectureRules.check("org.federation.club");
    }
}
