package org.federation.notification.routing;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

import org.federation.notification.directory.ClubDirectory;
import org.federation.notification.directory.KnownClub;
import org.federation.notification.directory.Recipients;
import org.federation.notification.inbox.Inboxes;
import org.federation.notification.inbox.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns a routed event into one notice per recipient: the kind's subscribers, the leaders of the
 * clubs it is about, and the people it concerns. Each notice's id comes from the cause and the
 * recipient, so an event delivered again posts nothing twice.
 */
@Component
public class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final Subscriptions subscriptions;
    private final ClubDirectory clubs;
    private final Inboxes inboxes;
    private final Clock clock;

    Router(Subscriptions subscriptions, ClubDirectory clubs, Inboxes inboxes, Clock clock) {
        this.subscriptions = subscriptions;
        this.clubs = clubs;
        this.inboxes = inboxes;
        this.clock = clock;
    }

    /** Who receives this routed event. */
    public Set<String> recipientsOf(Routed routed) {
        Set<String> recipients = new LinkedHashSet<>(subscriptions.subscribersOf(routed.kind()));
        Set<String> leaders = new LinkedHashSet<>();
        if (routed.allClubs()) {
            clubs.current().forEach(club -> leaders.addAll(club.leaders()));
        } else if (routed.clubIds() != null) {
            clubs.findAll(routed.clubIds()).stream().map(KnownClub::leaders).forEach(leaders::addAll);
        }
        if (!leaders.isEmpty()) {
            Set<String> optedOut = subscriptions.optedOutOfOwnClubs();
            leaders.stream().map(Recipients::person).filter(p -> !optedOut.contains(p)).forEach(recipients::add);
        }
        if (routed.persons() != null) {
            routed.persons().stream().map(Recipients::person).forEach(recipients::add);
        }
        return recipients;
    }

    /** Posts the notices; returns how many were new. */
    public int route(Routed routed, String actor) {
        int posted = 0;
        for (String recipient : recipientsOf(routed)) {
            Notice notice = new Notice(Notice.idFor(routed.cause(), recipient), recipient, routed.kind(), routed.title(),
                    routed.body(), routed.subjectRef(), clock.instant());
            if (inboxes.post(notice, actor)) {
                posted++;
            }
        }
        if (posted > 0) {
            log.info("{} notice(s) of kind {} posted for {}", posted, routed.kind(), routed.subjectRef());
        }
        return posted;
    }
}
