package org.federation.platform.messaging;

import java.util.Map;
import java.util.Optional;

/**
 * Which service may publish on each of the federation's owner topics (the design's "Contracts":
 * each fact has exactly one owning service). A consumer refuses an event on an owner topic whose
 * {@code ce_source} names anyone else ({@link InboundEvents#envelope}): a service that can write to
 * another's topic (a misconfigured ACL, a compromised instance) must not be able to grant club
 * rights, credentials or money by publishing in the owner's name.
 *
 * <p>Kept here, once, rather than in each contracts module, so that no consumer can forget the
 * check; the Kafka ACLs in {@code docs/security.md} enforce the same table at the broker.
 */
public final class TopicOwners {

    private static final Map<String, String> OWNERS = Map.of(
            "club.events", "/club-service",
            "activity.events", "/event-service",
            "finance.events", "/finance-service",
            "notification.events", "/notification-service");

    private TopicOwners() {
    }

    /** The {@code ce_source} of the only service that publishes on {@code topic}, if it is an owner topic. */
    public static Optional<String> ownerOf(String topic) {
        return Optional.ofNullable(topic).map(OWNERS::get);
    }
}
