package org.federation.platform.messaging.consumer;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code federation.read-models.*}: what a service's read-model rebuild fills and replays.
 *
 * @param collections    the read-model collections (copies of other services' facts); none = no rebuild
 * @param topics         the owner topics to replay, in order; unset = every topic the group consumes.
 *                       Leave out a topic whose handler only changes the service's own records.
 * @param rebuildOnStart rebuild at start when every read-model collection is empty (default true)
 * @param lease          how long the rebuild's lease lasts unrenewed (default 2 minutes; renewed while replaying)
 */
@ConfigurationProperties("federation.read-models")
public record ReadModelProperties(List<String> collections, List<String> topics, Boolean rebuildOnStart,
                                  Duration lease) {

    public ReadModelProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        topics = topics == null ? List.of() : List.copyOf(topics);
        rebuildOnStart = rebuildOnStart == null || rebuildOnStart;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
    }
}
