package org.federation.club.profile.infrastructure;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubTopics;
import org.federation.club.profile.domain.ClubProfileFacts;
import org.federation.club.profile.domain.InformationRequest;
import org.federation.club.profile.domain.ProfileStore;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.messaging.NewEvent;
import org.federation.platform.messaging.OutboxCollection;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.NewestFirst;
import org.federation.platform.problem.ResourceNotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;

/**
 * Profile facts in {@code club-profiles} (id {@code profile-<clubId>}, the key of their events) and
 * information requests in {@code information-requests}, each with its own outbox.
 */
@Repository
class MongoProfileStore implements ProfileStore {

    static final String PROFILES = "club-profiles";
    static final String REQUESTS = "information-requests";

    @Configuration(proxyBeanMethods = false)
    static class Outboxes {
        @Bean
        OutboxCollection profileOutbox() {
            return new OutboxCollection(PROFILES, ClubTopics.CLUB_EVENTS);
        }

        @Bean
        OutboxCollection informationRequestOutbox() {
            return new OutboxCollection(REQUESTS, ClubTopics.CLUB_EVENTS);
        }
    }

    private final MongoTemplate mongo;
    private final AggregateStore store;

    MongoProfileStore(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    private static String profileId(String clubId) {
        return "profile-" + clubId;
    }

    @Override
    public ClubProfileFacts facts(String clubId) {
        return store.find(PROFILES, profileId(clubId), ClubProfileFacts.class).map(v -> v.state())
                .orElse(ClubProfileFacts.none(clubId));
    }

    @Override
    public ClubProfileFacts.Change changeFacts(String clubId, Function<ClubProfileFacts, ClubProfileFacts.Change> change,
                                               String actor) {
        if (store.find(PROFILES, profileId(clubId), ClubProfileFacts.class).isEmpty()) {
            try {
                store.insert(PROFILES, profileId(clubId), ClubProfileFacts.none(clubId), List.of());
            } catch (DuplicateKeyException createdMeanwhile) {
                // another request created it: change that one
            }
        }
        ClubProfileFacts.Change[] decided = new ClubProfileFacts.Change[1];
        store.change(PROFILES, profileId(clubId), ClubProfileFacts.class, current -> {
            decided[0] = change.apply(current);
            return new AggregateStore.Decision<>(decided[0].facts(), decided[0].events().stream()
                    .map(e -> new NewEvent(ClubEventTypes.PROFILE_UPDATED, actor, e)).toList());
        });
        return decided[0];
    }

    @Override
    public void add(InformationRequest.Change request) {
        store.insert(REQUESTS, request.request().id(), request.request(), request.events().stream()
                .map(e -> new NewEvent(ClubEventTypes.INFORMATION_REQUESTED, request.request().requestedBy(), e)).toList());
    }

    @Override
    public InformationRequest changeRequest(String id, UnaryOperator<InformationRequest> change) {
        InformationRequest[] changed = new InformationRequest[1];
        store.change(REQUESTS, id, InformationRequest.class, current -> {
            changed[0] = change.apply(current);
            return new AggregateStore.Decision<>(changed[0], List.of());
        }).orElseThrow(() -> new ResourceNotFoundException("information request", id));
        return changed[0];
    }

    @Override
    public Optional<InformationRequest> request(String id) {
        return store.find(REQUESTS, id, InformationRequest.class).map(v -> v.state());
    }

    @Override
    public PageOf<InformationRequest> requests(String clubId, int page, int size) {
        Criteria filter = clubId == null ? new Criteria() : Criteria.where("clubs.clubId").is(clubId);
        return NewestFirst.page(mongo, REQUESTS, InformationRequest.class, filter, "requestedAt", page, size);
    }
}
