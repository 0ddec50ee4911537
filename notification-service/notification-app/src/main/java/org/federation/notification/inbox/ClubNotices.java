package org.federation.notification.inbox;

import java.time.Clock;
import java.util.function.Consumer;

import org.federation.club.contracts.ClubEstablished;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** Turns the club events that matter into notices. */
@Configuration(proxyBeanMethods = false)
class ClubNotices {

    static final String ORGANIZATION_DEPARTMENT = "department:organization";
    private static final Logger log = LoggerFactory.getLogger(ClubNotices.class);

    @Bean
    Consumer<Message<byte[]>> clubEvents(InboundEvents inbound, Inboxes inboxes, Clock clock) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            if (!ClubEventTypes.ESTABLISHED.equals(event.type())) {
                return;
            }
            ClubEstablished established = inbound.payload(event, ClubEstablished.class);
            ClubSnapshot club = established.club();
            InboundEvents.require(club != null && club.id() != null && club.name() != null, event,
                    "club with id and name is required");
            String how = ClubEstablished.FOUNDED.equals(established.origin())
                    ? "was founded after its defense hearing" : "was brought onto the platform";
            Notice notice = new Notice(Notice.idFor(event.id(), ORGANIZATION_DEPARTMENT), ORGANIZATION_DEPARTMENT,
                    "club-established", "Club established: " + club.name(),
                    club.name() + " (" + club.category() + ", founded " + club.foundedOn() + ") " + how + ".",
                    "club:" + club.id(), clock.instant(), null);
            if (inboxes.post(notice, event.actor())) {
                log.info("Notice {} posted to {}", notice.id(), ORGANIZATION_DEPARTMENT);
            }
        };
    }
}
