package org.federation.event.training.infrastructure;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.federation.event.training.domain.Trainee;
import org.federation.event.training.domain.TrainingClass;
import org.federation.event.training.domain.TrainingClasses;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.NewestFirst;
import org.federation.platform.problem.ResourceNotFoundException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;

/**
 * Training classes in {@code training-classes}, one document per class written through the
 * {@link AggregateStore} (version-checked, field by field). Training classes publish no events yet,
 * so their outbox stays empty.
 */
@Repository
class MongoTrainingClasses implements TrainingClasses {

    static final String COLLECTION = "training-classes";

    private final AggregateStore store;
    private final MongoTemplate mongo;

    MongoTrainingClasses(AggregateStore store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    @Override
    public void add(TrainingClass trainingClass) {
        store.insert(COLLECTION, trainingClass.id(), trainingClass, List.of());
    }

    @Override
    public TrainingClass change(String id, UnaryOperator<TrainingClass> change) {
        return store.change(COLLECTION, id, TrainingClass.class,
                        current -> new AggregateStore.Decision<>(change.apply(current), List.of()))
                .orElseThrow(() -> new ResourceNotFoundException("training class", id)).newState();
    }

    @Override
    public Optional<TrainingClass> find(String id) {
        return store.find(COLLECTION, id, TrainingClass.class).map(v -> v.state());
    }

    @Override
    public PageOf<TrainingClass> ofTrainee(String studentNumber, int page, int size) {
        return NewestFirst.page(mongo, COLLECTION, TrainingClass.class, Criteria.where("trainees").elemMatch(
                Criteria.where("studentNumber").is(studentNumber).and("status").is(Trainee.ENROLLED)), "createdAt", page, size);
    }

    @Override
    public PageOf<TrainingClass> newestFirst(int page, int size) {
        return NewestFirst.page(mongo, COLLECTION, TrainingClass.class, "createdAt", page, size);
    }
}
