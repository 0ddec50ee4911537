package org.federation.finance.clubs;

import java.util.function.Consumer;

import org.federation.club.contracts.AnyClubEvent;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubMerged;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.finance.accounts.application.AccountOpening;
import org.federation.finance.accounts.application.AccountSettlement;
import org.federation.platform.messaging.EventEnvelope;
import org.federation.platform.messaging.InboundEvents;
import org.federation.platform.messaging.consumer.ReadModelRebuild;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * From {@code club.events}: keeps the known clubs (newest snapshot wins, from any club event) and
 * opens a club's account when the club is established, settles it when the club asks to
 * dissolve (the dissolution saga), and moves a merged-away club's balance to its successor. A
 * read-model rebuild replays it for the known clubs only: accounts are never re-derived from history.
 */
@Configuration(proxyBeanMethods = false)
class ClubEventsConsumer {

    @Bean
    Consumer<Message<byte[]>> clubEvents(InboundEvents inbound, KnownClubs clubs, AccountOpening accounts,
                                         AccountSettlement settlement) {
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
            clubs.keep(club, event.sequence());
            if (ReadModelRebuild.replaying()) {
                return; // a rebuild restores the known clubs; accounts are finance's own records (backup)
            }
            if (ClubEventTypes.ESTABLISHED.equals(event.type())) {
                accounts.openForClub(club, event.actor());
            } else if (ClubEventTypes.DISSOLUTION_REQUESTED.equals(event.type())) {
                settlement.settleForDissolution(club, event.actor());
            } else if (merged != null) {
                if (merged.mergedAwayIds().contains(club.id()) && !club.id().equals(merged.successor().id())) {
                    settlement.mergeAway(club, merged.successor(), merged.mergerId(), event.actor());
                }
            }
        };
    }
}
