package org.federation.club.membership.infrastructure;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import org.federation.club.contracts.ClubTopics;
import org.federation.club.membership.domain.MembershipApplication;
import org.federation.club.membership.domain.MembershipApplications;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.persistence.NewestFirst;
import org.federation.platform.problem.StateConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;

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

    private final MongoTemplate mongo;
    private final AggregateRepository<MembershipApplication, StoredApplication> applications;

    MongoMembershipApplications(MongoTemplate mongo, AggregateStore store, MongoIndexes indexes) {
        this.mongo = mongo;
        this.applications = store.repository(COLLECTION, ClubTopics.CLUB_EVENTS, StoredApplication.class,
                StoredApplication::of, StoredApplication::toApplication);
        indexes.ensureUnique(COLLECTION, "openKey");
        // a club's applications, by state (the pending queue)
        indexes.ensure(COLLECTION, "clubId", "state");
    }

    @Override
    public void add(Decision<MembershipApplication> submitted) {
        MembershipApplication a = submitted.state();
        try {
            applications.create(a.id(), submitted);
        } catch (DuplicateKeyException e) {
            throw new StateConflictException(a.studentNumber() + " already has a pending application to club "
                    + a.clubId());
        }
    }

    @Override
    public Decision<MembershipApplication> change(String id,
                                                  Function<MembershipApplication, Decision<MembershipApplication>> decision) {
        return applications.change(id, "membership application", decision);
    }

    @Override
    public Optional<MembershipApplication> find(String id) {
        return applications.find(id);
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
}
