package org.federation.finance;

import org.federation.platform.testing.ArchitectureRules;
import org.junit.jupiter.api.Test;

/**
 * finance-service keeps the platform's layering (see {@link ArchitectureRules}): plain-Java domain, layers
 * pointing inwards, MongoDB and Kafka only in infrastructure, feature packages free of cycles.
 */
class ArchitectureTest {

    @Test
    void domainIsPlainJavaAndLayersPointInwards() {
        ArchitectureRules.check("org.federation.finance");
    }
}
