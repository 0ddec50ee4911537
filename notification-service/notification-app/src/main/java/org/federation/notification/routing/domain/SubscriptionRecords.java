package org.federation.notification.routing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Subscriptions as changed through the API (a port; {@code subscriptions} in MongoDB). */
public interface SubscriptionRecords {

    /** The subscriber's subscription if they ever changed it. */
    Optional<Subscription> find(String subscriber);

    /** Every subscription ever changed. */
    List<Subscription> all();

    /** Stores the subscriber's choice as changed by {@code by} at {@code at}. */
    void save(String subscriber, List<String> kinds, boolean ownClubs, String by, Instant at);

    /** People who asked not to receive the notices about the clubs they lead or belong to. */
    Set<String> optedOutOfOwnClubs();
}
