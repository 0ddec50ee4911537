package org.federation.notification.feedback.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Optional;
import java.util.function.Function;

import org.federation.notification.contracts.NotificationTopics;
import org.federation.notification.feedback.domain.Feedback;
import org.federation.notification.feedback.domain.FeedbackRecords;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.persistence.NewestFirst;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;

/** {@link FeedbackRecords} in {@code feedback}, with their outbox on {@code notification.events}. */
@Repository
class MongoFeedback implements FeedbackRecords {

    static final String COLLECTION = "feedback";

    private final MongoTemplate mongo;
    private final AggregateRepository<Feedback, Feedback> feedback;

    MongoFeedback(MongoTemplate mongo, MongoIndexes indexes, AggregateStore store) {
        this.mongo = mongo;
        this.feedback = store.repository(COLLECTION, NotificationTopics.NOTIFICATION_EVENTS, Feedback.class);
        // a department's feedback by state; the published answers
        indexes.ensure(COLLECTION, "department", "state");
        indexes.ensure(COLLECTION, "state", "published");
    }

    @Override
    public Feedback create(String id, Decision<Feedback> received) {
        return feedback.create(id, received);
    }

    @Override
    public Optional<Feedback> find(String id) {
        return feedback.find(id);
    }

    @Override
    public Feedback change(String id, Function<Feedback, Decision<Feedback>> decide) {
        return feedback.change(id, "feedback", decide).state();
    }

    @Override
    public PageOf<Feedback> newestFirst(String department, String state, int page, int size) {
        Criteria filter = where("department").is(department);
        if (state != null) {
            filter = filter.and("state").is(state);
        }
        return NewestFirst.page(mongo, COLLECTION, Feedback.class, filter, "receivedAt", page, size);
    }

    @Override
    public PageOf<Feedback> published(int page, int size) {
        return NewestFirst.page(mongo, COLLECTION, Feedback.class,
                where("state").is(Feedback.ANSWERED).and("published").is(true), "answeredAt", page, size);
    }
}
