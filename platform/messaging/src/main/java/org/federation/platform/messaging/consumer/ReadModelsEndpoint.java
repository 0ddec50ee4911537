package org.federation.platform.messaging.consumer;

import java.util.Map;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The operator's command for read models, {@code /actuator/readmodels}:
 * <ul>
 * <li>{@code GET}: the read-model collections, the topics replayed, and the last rebuild (state,
 *     instance, start, end, records per topic, time taken);</li>
 * <li>{@code POST} (empty body): rebuilds them now from the owner topics' earliest offsets and
 *     answers when done, with the records replayed per topic, or
 *     {@code lease-held-by-another-instance} if another instance is rebuilding.</li>
 * </ul>
 */
@Endpoint(id = "readmodels")
public class ReadModelsEndpoint {

    private final ReadModelRebuild rebuild;

    public ReadModelsEndpoint(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @ReadOperation
    public Map<String, Object> status() {
        return rebuild.status();
    }

    /**
     * Refused (400) where no read-model collections are configured: replaying every consumed topic
     * through handlers that only change the service's own records (notices, budgets) is not a rebuild.
     */
    @WriteOperation
    public ReadModelRebuild.Outcome rebuild() {
        if (rebuild.collections().isEmpty()) {
            throw new org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException(
                    "this service has no read models to rebuild (federation.read-models.collections)",
                    "no read models configured");
        }
        return rebuild.rebuild();
    }
}
