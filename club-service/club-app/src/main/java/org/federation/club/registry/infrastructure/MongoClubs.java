package org.federation.club.registry.infrastructure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.federation.club.contracts.ClubEstablished;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubTopics;
import org.federation.club.registry.domain.Club;
import org.federation.club.registry.domain.ClubCategory;
import org.federation.club.registry.domain.ClubName;
import org.federation.club.registry.domain.ClubState;
import org.federation.club.registry.domain.Clubs;
import org.federation.club.registry.domain.Leader;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.messaging.NewEvent;
import org.federation.platform.messaging.OutboxCollection;
import org.federation.platform.persistence.NewestFirst;
import org.federation.platform.paging.PageOf;
import org.federation.platform.problem.StateConflictException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Clubs in the {@code clubs} collection, each document carrying its own outbox of events for
 * {@code club.events}. Names are unique through a unique index on the normalised name.
 */
@Repository
public class MongoClubs implements Clubs {

    static final String COLLECTION = "clubs";

    /** The stored form of a club; {@code nameKey} backs the unique-name index. */
    record StoredClub(String id, String name, String nameKey, String category, String state, LocalDate foundedOn,
                      String registrationYear, List<Leader> leaders, List<String> memberStudentNumbers,
                      String liaisonOfficer, String contact, Instant enteredAt, String enteredBy) {

        static StoredClub of(Club club) {
            return new StoredClub(club.id(), club.name(), ClubName.key(club.name()), club.category().name(),
                    club.state().name(), club.foundedOn(), club.registrationYear(), club.leaders(),
                    club.memberStudentNumbers(), club.liaisonOfficer(), club.contact(), club.enteredAt(), club.enteredBy());
        }

        Club toClub() {
            return new Club(id, name, ClubCategory.valueOf(category), ClubState.valueOf(state), foundedOn,
                    registrationYear, leaders == null ? List.of() : leaders,
                    memberStudentNumbers == null ? List.of() : memberStudentNumbers, liaisonOfficer, contact, enteredAt,
                    enteredBy);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Outbox {
        @Bean
        OutboxCollection clubOutbox() {
            return new OutboxCollection(COLLECTION, ClubTopics.CLUB_EVENTS);
        }
    }

    private final MongoTemplate mongo;
    private final AggregateStore store;

    public MongoClubs(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
        mongo.indexOps(COLLECTION).createIndex(new Index("nameKey", Sort.Direction.ASC).unique());
    }

    @Override
    public void add(Club.Change change, String actor) {
        Club club = change.club();
        try {
            store.insert(COLLECTION, club.id(), StoredClub.of(club), change.events().stream()
                    .map(event -> new NewEvent(typeOf(event), actor, event)).toList());
        } catch (DuplicateKeyException e) {
            if (find(club.id()).isPresent()) {
                throw new StateConflictException("a club with id " + club.id() + " already exists");
            }
            throw new StateConflictException("a club named '" + club.name() + "' already exists");
        }
    }

    @Override
    public Optional<Club> find(String id) {
        return store.find(COLLECTION, id, StoredClub.class).map(v -> v.state().toClub());
    }

    @Override
    public boolean nameTaken(String name) {
        return mongo.exists(Query.query(Criteria.where("nameKey").is(ClubName.key(name))), COLLECTION);
    }

    @Override
    public PageOf<Club> newestFirst(int page, int size) {
        PageOf<StoredClub> stored = NewestFirst.page(mongo, COLLECTION, StoredClub.class, "enteredAt", page, size);
        return new PageOf<>(stored.items().stream().map(StoredClub::toClub).toList(), page, size, stored.totalItems());
    }

    private static String typeOf(Object event) {
        if (event instanceof ClubEstablished) {
            return ClubEventTypes.ESTABLISHED;
        }
        throw new IllegalArgumentException("no event type for " + event.getClass().getName());
    }
}
