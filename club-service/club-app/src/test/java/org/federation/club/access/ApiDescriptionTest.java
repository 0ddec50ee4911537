package org.federation.club.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.federation.club.EmbeddedBackboneProperties;
import org.federation.club.ClubServiceTest;
import org.federation.platform.testing.ApiDescriptionCheck;
import org.federation.platform.testing.Persona;
import org.junit.jupiter.api.Test;

/**
 * The API description a portal developer reads (issue 24.10): valid for an OpenAPI parser, and every operation states
 * its security (bearer JWT or public), its problem responses and an example for its request body.
 */
@ClubServiceTest
class ApiDescriptionTest extends EmbeddedBackboneProperties {

    @Test
    void everyOperationStatesItsSecurityItsProblemsAndAnExampleBody() {
        int operations = ApiDescriptionCheck.verify(Persona.ANONYMOUS.on(app()));
        assertThat(operations).as("operations described").isGreaterThan(10);
    }
}
