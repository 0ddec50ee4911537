package org.federation.finance.clubs;

import java.util.function.Consumer;

import org.federation.club.contracts.ClubEstablished;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.finance.accounts.application.AccountOpening;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * From {@code club.events}: keeps the known clubs (newest snapshot wins, from any club event) and
 * opens a club's account when the club is established.
 */
@Configuration(proxyBeanMethods = false)
class ClubEventsConsumer {

    /** The part of any club event read here; other fields are ignored. */
    record CarriesClub(ClubSnapshot club) {
    }

    @Bean
    Consumer<Message<byte[]>> clubEvents(InboundEvents inbound, KnownClubs clubs, AccountOpening accounts) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            ClubSnapshot club = inbound.payload(event, CarriesClub.class).club();
            if (club == null) {
                return;
            }
            InboundEvents.require(club.id() != null && club.id().equals(event.subject()), event,
                    "club.id must be present and equal the subject");
            InboundEvents.require(club.name() != null, event, "club.name is required");
            clubs.keep(club, event.sequence());
            if (ClubEventTypes.ESTABLISHED.equals(event.type())) {
                accounts.openForClub(inbound.payload(event, ClubEstablished.class).club(), event.actor());
            }
        };
    }
}
