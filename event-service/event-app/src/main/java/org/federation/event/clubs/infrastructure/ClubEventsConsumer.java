package org.federation.event.clubs.infrastructure;

import java.util.function.Consumer;

import org.federation.club.contracts.AnyClubEvent;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubSnapshot;
import org.federation.club.contracts.CredentialKeyPublished;
import org.federation.club.contracts.CredentialRevoked;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.event.clubs.domain.ClubFollower;
import org.federation.event.clubs.domain.CredentialFacts;
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

    @Bean
    Consumer<Message<byte[]>> clubEvents(InboundEvents inbound, ClubDirectory directory,
                                         java.util.List<ClubFollower> followers, CredentialFacts credentials) {
        return message -> {
            EventEnvelope event = inbound.envelope(message);
            if (ClubEventTypes.CREDENTIAL_KEY_PUBLISHED.equals(event.type())) {
                CredentialKeyPublished key = inbound.payload(event, CredentialKeyPublished.class);
                InboundEvents.require(key.keyId() != null && key.keyId().equals(event.subject()) && key.publicJwk() != null
                        && !key.publicJwk().isEmpty(), event, "a published key needs its id (= the key) and its public JWK");
                credentials.keyPublished(key);
                return;
            }
            AnyClubEvent about = inbound.payload(event, AnyClubEvent.class);
            if (about.club() == null) {
                return; // roster events carry no club
            }
            String problem = about.problemFor(event.subject());
            InboundEvents.require(problem == null, event, problem);
            ClubSnapshot club = about.club();
            if (directory.keep(club, event.sequence())) {
                log.debug("Club {} updated to sequence {} ({})", club.id(), event.sequence(), event.type());
            }
            if (ClubEventTypes.CREDENTIAL_REVOKED.equals(event.type())) {
                CredentialRevoked revoked = inbound.payload(event, CredentialRevoked.class);
                InboundEvents.require(revoked.studentNumber() != null && revoked.revokedAt() != null, event,
                        "a revocation names the student and when");
                credentials.revoked(revoked);
            }
            followers.forEach(follower -> follower.follow(club));
        };
    }
}
