package org.federation.notification.routing.application;

import org.federation.notification.routing.domain.Routed;


import org.federation.notification.routing.domain.AwaitingClubs;

import org.federation.platform.domain.BusinessClock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.federation.notification.directory.domain.KnownClubs;
import org.federation.notification.directory.domain.KnownClub;
import org.federation.notification.inbox.application.Inboxes;
import org.federation.notification.inbox.domain.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a routed event into one notice per recipient: the kind's subscribers, the leaders (or
 * members and leaders) of the clubs it is about, and the people and departments it concerns. Each notice's id comes from the cause and the
 * recipient, so an event delivered again posts nothing twice.
 */
@Component
public class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final Subscriptions subscriptions;
    private final KnownClubs clubs;
    private final Inboxes inboxes;
    private final BusinessClock clock;
    private final AwaitingClubs awaiting;

    Router(Subscriptions subscriptions, KnownClubs clubs, Inboxes inboxes, BusinessClock clock, AwaitingClubs awaiting) {
        this.awaiting = awaiting;
        this.subscriptions = subscriptions;
        this.clubs = clubs;
        this.inboxes = inboxes;
        this.clock = clock;
    }

    /** Who receives this routed event ({@link Routed#recipients}). */
    public Set<String> recipientsOf(Routed routed) {
        List<KnownClub> reached = routed.allClubs() ? clubs.current()
                : routed.clubIds() != null ? clubs.findAll(routed.clubIds()) : List.of();
        return routed.recipients(subscriptions.subscribersOf(routed.kind()), reached, subscriptions::optedOutOfOwnClubs);
    }

    /** Posts the notices, all at once (a club's members may be hundreds); returns how many were new. */
    public int route(Routed routed, String actor) {
        Instant now = clock.instant();
        List<Notice> notices = recipientsOf(routed).stream().map(recipient -> new Notice(Notice.idFor(routed.cause(),
                recipient), recipient, routed.kind(), routed.title(), routed.body(), routed.subjectRef(), now)).toList();
        int posted = inboxes.postAll(notices, actor);
        if (posted > 0) {
            log.info("{} notice(s) of kind {} posted for {}", posted, routed.kind(), routed.subjectRef());
        }
        List<String> missing = missingClubs(routed);
        if (!missing.isEmpty()) {
            // club.events is not ordered with the other topics: an event may name a club whose events are not read yet
            log.info("{} ({}) names clubs not in the directory yet: {}; routed again once they are", routed.kind(),
                    routed.subjectRef(), missing);
            awaiting.remember(routed, actor, missing, now);
        }
        return posted;
    }

    /** The clubs the routed event names that the directory does not know (yet). */
    public List<String> missingClubs(Routed routed) {
        if (routed.allClubs() || routed.clubIds() == null || routed.clubIds().isEmpty()) {
            return List.of();
        }
        return routed.missingClubs(clubs.findAll(routed.clubIds()).stream().map(KnownClub::id).toList());
    }
}
