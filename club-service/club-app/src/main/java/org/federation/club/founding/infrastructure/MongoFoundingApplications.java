package org.federation.club.founding.infrastructure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.federation.club.contracts.ClubTopics;
import org.federation.club.founding.domain.FoundingApplication;
import org.federation.club.founding.domain.FoundingApplications;
import org.federation.club.founding.domain.FoundingState;
import org.federation.club.founding.domain.FoundingStep;
import org.federation.club.founding.domain.Hearing;
import org.federation.club.founding.domain.Proposal;
import org.federation.club.founding.domain.Review;
import org.federation.club.registry.domain.ClubName;
import org.federation.club.registry.domain.ReservedNames;
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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Founding applications in the {@code founding-applications} collection, each document carrying
 * its own outbox of events for {@code club.events} (keyed by the application id). An open
 * application holds its proposed name through a unique index on {@code nameKey}; when it ends
 * (established, rejected, withdrawn) the key is retired to {@code name#id}, so the name is free
 * again. {@code proposedNameKey} always holds the plain key, for the cool-off after a rejection.
 */
@Repository
public class MongoFoundingApplications implements FoundingApplications, ReservedNames {

    static final String COLLECTION = "founding-applications";

    /** The stored form of an application, with the keys its queries use at the top level. */
    record StoredApplication(String id, String nameKey, String proposedNameKey, String state, Proposal proposal,
                             List<Review> reviews, List<Hearing> hearings, String clubId, List<String> reasons,
                             LocalDate reapplyAfter, List<FoundingStep> history, Instant submittedAt,
                             String submittedBy) {

        static StoredApplication of(FoundingApplication application) {
            String key = ClubName.key(application.name());
            return new StoredApplication(application.id(), application.state().isOpen() ? key : key + "#" + application.id(),
                    key, application.state().name(), application.proposal(), application.reviews(),
                    application.hearings(), application.clubId(), application.reasons(), application.reapplyAfter(),
                    application.history(), application.submittedAt(), application.submittedBy());
        }

        FoundingApplication toApplication() {
            return new FoundingApplication(id, proposal, FoundingState.valueOf(state), reviews, hearings, clubId, reasons,
                    reapplyAfter, history, submittedAt, submittedBy);
        }
    }

    private final MongoTemplate mongo;
    private final AggregateRepository<FoundingApplication, StoredApplication> applications;

    public MongoFoundingApplications(MongoTemplate mongo, AggregateStore store, MongoIndexes indexes) {
        this.mongo = mongo;
        this.applications = store.repository(COLLECTION, ClubTopics.CLUB_EVENTS, StoredApplication.class,
                StoredApplication::of, StoredApplication::toApplication);
        indexes.ensureUnique(COLLECTION, "nameKey");
        // the review queues by state; the re-application cool-off by proposed name
        indexes.ensure(COLLECTION, "state");
        indexes.ensure(COLLECTION, "proposedNameKey", "state");
    }

    @Override
    public void add(Decision<FoundingApplication> submitted) {
        FoundingApplication application = submitted.state();
        try {
            applications.create(application.id(), submitted);
        } catch (DuplicateKeyException e) {
            if (find(application.id()).isPresent()) {
                throw new StateConflictException("a founding application with id " + application.id() + " already exists");
            }
            throw nameHeld(application.name());
        }
    }

    @Override
    public Decision<FoundingApplication> change(String id,
                                                Function<FoundingApplication, Decision<FoundingApplication>> decision) {
        try {
            return applications.change(id, "founding application", decision);
        } catch (DuplicateKeyException e) {
            // only a corrected name can collide (the unique index on the name key); deciding again is pure, and names it
            throw nameHeld(find(id).map(a -> decision.apply(a).state().name()).orElse(id));
        }
    }

    @Override
    public Optional<FoundingApplication> find(String id) {
        return applications.find(id);
    }

    @Override
    public Optional<String> holderOf(String name) {
        Query query = Query.query(Criteria.where("nameKey").is(ClubName.key(name)));
        query.fields().include("_id");
        return Optional.ofNullable(mongo.findOne(query, org.bson.Document.class, COLLECTION))
                .map(d -> "open founding application " + d.getString("_id"));
    }

    @Override
    public Optional<LocalDate> rejectedUntil(String name, LocalDate today) {
        Query query = Query.query(Criteria.where("proposedNameKey").is(ClubName.key(name))
                .and("state").is(FoundingState.REJECTED.name()).and("reapplyAfter").gt(today));
        return mongo.find(query, StoredApplication.class, COLLECTION).stream().map(StoredApplication::reapplyAfter)
                .max(LocalDate::compareTo);
    }

    @Override
    public PageOf<FoundingApplication> newestFirst(FoundingState state, int page, int size) {
        Criteria filter = state == null ? new Criteria() : Criteria.where("state").is(state.name());
        PageOf<StoredApplication> found = NewestFirst.page(mongo, COLLECTION, StoredApplication.class, filter,
                "submittedAt", page, size);
        return new PageOf<>(found.items().stream().map(StoredApplication::toApplication).toList(), page, size,
                found.totalItems());
    }

    @Override
    public List<String> idsIn(FoundingState state) {
        Query query = Query.query(Criteria.where("state").is(state.name()));
        query.fields().include("_id");
        return mongo.find(query, org.bson.Document.class, COLLECTION).stream().map(d -> d.getString("_id")).toList();
    }

    private StateConflictException nameHeld(String name) {
        return new StateConflictException("the name '" + name + "' is already proposed by "
                + holderOf(name).orElse("another open founding application"));
    }
}
