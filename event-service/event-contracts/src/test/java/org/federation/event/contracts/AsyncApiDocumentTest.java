package org.federation.event.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.federation.platform.testing.AsyncApiContract;
import org.junit.jupiter.api.Test;

/** The AsyncAPI document says what the contract records and constants say. */
class AsyncApiDocumentTest {

    @Test
    void documentMatchesTheContracts() throws Exception {
        AsyncApiContract contract = AsyncApiContract.load("asyncapi/event-service.yaml");
        assertThat(contract.channels()).containsExactly(ActivityTopics.ACTIVITY_EVENTS);
        contract.verify(ActivityEventTypes.class);
    }
}
