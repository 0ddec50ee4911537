package org.federation.event.clubs;

import java.util.function.Consumer;

import org.federation.club.contracts.ClubSnapshot;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Keeps the club directory from {@code club.events}. Every event about a club carries the club's
 * snapshot, so the directory reads the snapshot whatever the event's type and keeps the newest.
 */
@Configuration(proxyBeanMethods = false)
class ClubEventsConsumer {

    private static final Logger log = LoggerFactory.getLogger(ClubEventsConsumer.class);

    /** The part of any club event this consumer reads (a tolerant reader: other fields are ignored). */
    record CarriesClub(ClubSnapshot club) {
    }

    @Bean
    Consumer<Message<byte[]>> clubEvents(InboundEvents inbound, ClubDirectory directory) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            ClubSnapshot club = inbound.payload(event, CarriesClub.class).club();
            if (club == null) {
                return; // roster events and others that carry no club
            }
            InboundEvents.require(club.id() != null && club.id().equals(event.subject()), event,
                    "club.id must be present and equal the subject");
            InboundEvents.require(club.name() != null && club.state() != null, event, "club.name and club.state are required");
            if (directory.keep(club, event.sequence())) {
                log.debug("Club {} updated to sequence {} ({})", club.id(), event.sequence(), event.type());
            }
        };
    }
}
