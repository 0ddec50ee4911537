package org.federation.notification.routing.application;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.federation.notification.directory.domain.RecipientAccess;
import org.federation.notification.routing.domain.NoticeKinds;
import org.federation.notification.routing.domain.Subscription;
import org.federation.notification.routing.domain.SubscriptionRecords;
import org.federation.platform.problem.RuleViolationException;
import org.federation.platform.security.Caller;
import org.springframework.stereotype.Service;

/** Who hears about what: each subscriber's choice of the kinds of notice; a subscriber who chose none has the defaults. */
@Service
public class Subscriptions {

    private final SubscriptionRecords records;
    private final Clock clock;

    Subscriptions(SubscriptionRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    public Subscription of(String subscriber) {
        return records.find(subscriber).orElseGet(() -> Subscription.defaults(subscriber));
    }

    /** The subscriber's subscription, for its owner and the presidium. */
    public Subscription of(String subscriber, Caller caller) {
        RecipientAccess.requireRead(caller, subscriber, "the subscriptions");
        return of(subscriber);
    }

    /** Changes the subscription, for whoever manages the subscriber's; 422 for a kind there is not (a kind named twice counts once). */
    public Subscription change(String subscriber, List<String> kinds, boolean ownClubs, Caller caller) {
        RecipientAccess.requireManage(caller, subscriber, "the subscriptions");
        List<String> unknown = kinds.stream().filter(k -> NoticeKinds.of(k).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            throw new RuleViolationException("kinds", "unknown kinds " + unknown + "; GET /api/notice-kinds lists them");
        }
        records.save(subscriber, kinds.stream().distinct().toList(), ownClubs, caller.subject(), clock.instant());
        return of(subscriber);
    }

    /** Everyone subscribed to this kind ({@link Subscription#subscribersOf}). */
    public Set<String> subscribersOf(String kind) {
        return Subscription.subscribersOf(kind, records.all());
    }

    /** People who asked not to receive the notices about the clubs they lead or belong to. */
    public Set<String> optedOutOfOwnClubs() {
        return records.optedOutOfOwnClubs();
    }
}
