package org.federation.event.training.infrastructure;

import java.util.Optional;
import java.util.function.UnaryOperator;

import org.federation.event.contracts.ActivityTopics;
import org.federation.event.training.domain.Trainee;
import org.federation.event.training.domain.TrainingClass;
import org.federation.event.training.domain.TrainingClasses;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.persistence.NewestFirst;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;

/**
 * Training classes in {@code training-classes}, one document per class written through an
 * {@link AggregateRepository} (version-checked, field by field), its events in the document's outbox
 * for {@code activity.events}: opening, a session added and an enrolment are told; attendance marks,
 * feedback and reports are stored {@linkplain Decision#quietly quietly}.
 */
@Repository
class MongoTrainingClasses implements TrainingClasses {

    static final String COLLECTION = "training-classes";

    private final AggregateRepository<TrainingClass, TrainingClass> classes;
    private final MongoTemplate mongo;

    MongoTrainingClasses(AggregateStore store, MongoTemplate mongo, MongoIndexes indexes) {
        this.classes = store.repository(COLLECTION, ActivityTopics.ACTIVITY_EVENTS, TrainingClass.class);
        this.mongo = mongo;
        // a student's classes (trainees.$elemMatch on the student number)
        indexes.ensure(COLLECTION, "trainees.studentNumber");
    }

    @Override
    public void add(Decision<TrainingClass> opened) {
        classes.create(opened.state().id(), opened);
    }

    @Override
    public TrainingClass change(String id, UnaryOperator<TrainingClass> change) {
        return classes.change(id, "training class", current -> Decision.quietly(change.apply(current))).state();
    }

    @Override
    public TrainingClass decide(String id, java.util.function.Function<TrainingClass, Decision<TrainingClass>> decision) {
        return classes.change(id, "training class", decision).state();
    }

    @Override
    public Optional<TrainingClass> find(String id) {
        return classes.find(id);
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
