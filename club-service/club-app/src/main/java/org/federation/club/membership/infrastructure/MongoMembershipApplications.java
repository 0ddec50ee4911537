package org.federation.club.membership.infrastructure;

import java.time.Instant;

import org.federation.club.contracts.ClubTopics;
import org.federation.club.membership.domain.MembershipApplication;
import org.federation.club.membership.domain.MembershipApplications;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.messaging.NewEvent;
import org.federation.platform.messaging.OutboxCollection;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.NewestFirst;
import org.federation.platform.problem.ResourceNotFoundException;
import org.federation.platform.problem.StateConflictException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Membership applications in {@code membership-applications}, with their own outbox (events keyed
 * by application id). A pending application holds {@code openKey} = club|student under a unique
 * index; a decided one retires it ({@code #id}), so the student may apply again.
 */
@Repository
class MongoMembershipApplications implements MembershipApplications {

    static final String COLLECTION = "membership-applications";

    record StoredApplication(String id, String clubId, String studentNumber, String name, String motivation,
                             String state, Instant submittedAt, String decidedBy, Instant decidedAt, String reason,
                             String openKey) {

        static StoredApplication of(MembershipApplication a) {
            return new StoredApplication(a.id(), a.clubId(), a.studentNumber(), a.name(), a.motivation(),
                    a.state().name(), a.submittedAt(), a.decidedBy(), a.decidedAt(), a.reason(),
                    a.isPending() ? a.clubId() + "|" + a.studentNumber() : "#" + a.id());
        }

        MembershipApplication toApplication() {
            return new MembershipApplication(id, clubId, studentNumber, name, motivation,
                    MembershipApplication.State.valueOf(state), submittedAt, decidedBy, decidedAt, reason);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Outbox {
        @Bean
        OutboxCollection membershipApplicationOutbox() {
            return new OutboxCollection(COLLECTION, ClubTopics.CLUB_EVENTS);
        }
    }

    private final MongoTemplate mongo;
    private final AggregateStore store;

    MongoMembershipApplications(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
        mongo.indexOps(COLLECTION).createIndex(new Index("openKey", Sort.Direction.ASC).unique());
    }

    @Override
    public void add(MembershipApplication.Change change) {
        MembershipApplication a = change.application();
        try {
            store.insert(COLLECTION, a.id(), StoredApplication.of(a), events(change, a.studentNumber()));
        } catch (DuplicateKeyException e) {
            throw new StateConflictException(a.studentNumber() + " already has a pending application to club "
                    + a.clubId());
        }
    }

    @Override
    public MembershipApplication.Change change(String id,
                                               Function<MembershipApplication, MembershipApplication.Change> decision) {
        MembershipApplication.Change[] decided = new MembershipApplication.Change[1];
        store.change(COLLECTION, id, StoredApplication.class, stored -> {
            decided[0] = decision.apply(stored.toApplication());
            MembershipApplication a = decided[0].application();
            return new AggregateStore.Decision<>(StoredApplication.of(a),
                    events(decided[0], a.decidedBy() != null ? a.decidedBy() : a.studentNumber()));
        }).orElseThrow(() -> new ResourceNotFoundException("membership application", id));
        return decided[0];
    }

    @Override
    public Optional<MembershipApplication> find(String id) {
        return store.find(COLLECTION, id, StoredApplication.class).map(v -> v.state().toApplication());
    }

    @Override
    public PageOf<MembershipApplication> ofClub(String clubId, MembershipApplication.State state, int page, int size) {
        Criteria filter = Criteria.where("clubId").is(clubId);
        if (state != null) {
            filter = filter.and("state").is(state.name());
        }
        PageOf<StoredApplication> found = NewestFirst.page(mongo, COLLECTION, StoredApplication.class, filter,
                "submittedAt", page, size);
        return new PageOf<>(found.items().stream().map(StoredApplication::toApplication).toList(), page, size,
                found.totalItems());
    }

    private static List<NewEvent> events(MembershipApplication.Change change, String actor) {
        return change.events().stream().map(e -> new NewEvent(e.type(), actor, e.payload())).toList();
    }
}
