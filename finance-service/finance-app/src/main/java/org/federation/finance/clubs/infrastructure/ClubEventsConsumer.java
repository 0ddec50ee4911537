package org.federation.finance.clubs.infrastructure;

import java.util.function.Consumer;

import org.federation.club.contracts.AnyClubEvent;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubMerged;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.finance.clubs.application.ClubDirectory;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.federation.platform.messaging.consumer.ReadModelRebuild;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * From {@code club.events}: keeps the known clubs (newest snapshot wins, from any club event), then
 * lets the other features follow the event up (open a club's account when the club is established,
 * settle it when the club asks to dissolve, move a merged-away club's balance to its successor:
 * {@link ClubDirectory#followUp}). A read-model rebuild replays it for the known clubs only:
 * accounts are never re-derived from history.
 */
@Configuration(proxyBeanMethods = false)
class ClubEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> clubEvents(InboundEvents inbound, ClubDirectory directory) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            AnyClubEvent about = inbound.payload(event, AnyClubEvent.class);
            if (about.club() == null) {
                return; // roster events carry no club
            }
            String problem = about.problemFor(event.subject());
            InboundEvents.require(problem == null, event, problem);
            ClubSnapshot club = about.club();
            ClubMerged merged = null;
            if (ClubEventTypes.MERGED.equals(event.type())) {
                merged = inbound.payload(event, ClubMerged.class);
                InboundEvents.require(merged.successor() != null && merged.successor().id() != null
                        && merged.successor().name() != null && merged.mergerId() != null && !merged.mergerId().isBlank()
                        && merged.mergedAwayIds() != null, event, "a merger needs successor (id, name), mergedAwayIds and mergerId");
            }
            directory.keep(club, event.sequence());
            if (ReadModelRebuild.replaying()) {
                return; // a rebuild restores the known clubs; accounts are finance's own records (backup)
            }
            directory.followUp(event.type(), club, merged, event.actor());
        };
    }
}
