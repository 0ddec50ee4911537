package org.federation.club.evaluation.infrastructure;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubTopics;
import org.federation.club.evaluation.domain.ClubEvaluation;
import org.federation.club.evaluation.domain.ClubEvaluations;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.messaging.NewEvent;
import org.federation.platform.messaging.OutboxCollection;
import org.federation.platform.problem.ResourceNotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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

    @Configuration(proxyBeanMethods = false)
    static class Outbox {
        @Bean
        OutboxCollection evaluationOutbox() {
            return new OutboxCollection(COLLECTION, ClubTopics.CLUB_EVENTS);
        }
    }

    private final MongoTemplate mongo;
    private final AggregateStore store;

    MongoClubEvaluations(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public void saveDraft(ClubEvaluation draft) {
        try {
            store.insert(COLLECTION, draft.id(), draft, List.of());
        } catch (DuplicateKeyException exists) {
            store.change(COLLECTION, draft.id(), ClubEvaluation.class, current -> {
                current.requireDraft("preparing");
                return new AggregateStore.Decision<>(draft, List.of());
            });
        }
    }

    @Override
    public ClubEvaluation publish(String id, String actor, Instant now) {
        ClubEvaluation[] published = new ClubEvaluation[1];
        store.change(COLLECTION, id, ClubEvaluation.class, current -> {
            published[0] = current.publish(actor, now);
            return new AggregateStore.Decision<>(published[0],
                    List.of(new NewEvent(ClubEventTypes.EVALUATION_PUBLISHED, actor, published[0].event())));
        }).orElseThrow(() -> new ResourceNotFoundException("evaluation", id));
        return published[0];
    }

    @Override
    public Optional<ClubEvaluation> find(String id) {
        return store.find(COLLECTION, id, ClubEvaluation.class).map(v -> v.state());
    }

    @Override
    public List<ClubEvaluation> ofClub(String clubId) {
        return mongo.find(Query.query(Criteria.where("clubId").is(clubId)).with(Sort.by(Sort.Direction.DESC,
                "academicYear")), ClubEvaluation.class, COLLECTION);
    }
}
