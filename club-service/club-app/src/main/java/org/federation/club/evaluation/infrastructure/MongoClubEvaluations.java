package org.federation.club.evaluation.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.federation.club.contracts.ClubTopics;
import org.federation.club.evaluation.domain.ClubEvaluation;
import org.federation.club.evaluation.domain.ClubEvaluations;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Evaluations in {@code club-evaluations} (id {@code <clubId>:<year>}), with their outbox. */
@Repository
class MongoClubEvaluations implements ClubEvaluations {

    static final String COLLECTION = "club-evaluations";

    private final MongoTemplate mongo;
    private final AggregateRepository<ClubEvaluation, ClubEvaluation> evaluations;

    MongoClubEvaluations(MongoTemplate mongo, AggregateStore store, MongoIndexes indexes) {
        this.mongo = mongo;
        this.evaluations = store.repository(COLLECTION, ClubTopics.CLUB_EVENTS, ClubEvaluation.class);
        // a club's evaluations
        indexes.ensure(COLLECTION, "clubId");
    }

    @Override
    public void saveDraft(ClubEvaluation draft) {
        try {
            evaluations.create(draft.id(), Decision.quietly(draft));
        } catch (DuplicateKeyException exists) {
            evaluations.change(draft.id(), current -> {
                current.requireDraft("preparing");
                return Decision.quietly(draft);
            });
        }
    }

    @Override
    public ClubEvaluation publish(String id, String actor, Instant now, Instant registrationDeadline,
                                  boolean despitePending) {
        return evaluations.change(id, "evaluation",
                current -> current.publish(actor, now, registrationDeadline, despitePending)).state();
    }

    @Override
    public Optional<ClubEvaluation> find(String id) {
        return evaluations.find(id);
    }

    @Override
    public List<ClubEvaluation> ofClub(String clubId) {
        return mongo.find(Query.query(Criteria.where("clubId").is(clubId)).with(Sort.by(Sort.Direction.DESC,
                "academicYear")), ClubEvaluation.class, COLLECTION);
    }
}
