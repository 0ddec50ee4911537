package org.federation.event.registration.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;
import java.util.function.Function;

import org.federation.event.contracts.ActivityTopics;
import org.federation.event.registration.domain.Registration;
import org.federation.event.registration.domain.Registrations;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.paging.PageOf;
import org.federation.platform.persistence.NewestFirst;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * {@link Registrations} in {@code registrations}, with their outbox on {@code activity.events}:
 * each change of a person's place is stored with its event.
 */
@Repository
class MongoRegistrations implements Registrations {

    static final String REGISTRATIONS = "registrations";

    private final MongoTemplate mongo;
    private final AggregateRepository<Registration, Registration> registrations;

    MongoRegistrations(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.registrations = store.repository(REGISTRATIONS, ActivityTopics.ACTIVITY_EVENTS, Registration.class);
    }

    @Override
    public Optional<Registration> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Registration.class, REGISTRATIONS));
    }

    @Override
    public boolean create(Decision<Registration> placing) {
        try {
            registrations.create(placing.state().id(), placing);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public Optional<Decision<Registration>> change(String id, Function<Registration, Decision<Registration>> decide) {
        return registrations.change(id, decide);
    }

    @Override
    public PageOf<Registration> newestFirst(String activityId, String status, int page, int size) {
        Criteria filter = where("activityId").is(activityId);
        if (status != null) {
            filter = filter.and("status").is(status);
        }
        return NewestFirst.page(mongo, REGISTRATIONS, Registration.class, filter, "registeredAt", page, size);
    }

    @Override
    public long countRegistered(String activityId) {
        return mongo.count(query(where("activityId").is(activityId).and("status").is(Registration.REGISTERED)),
                REGISTRATIONS);
    }

    @Override
    public Optional<Registration> lastChanged(String activityId) {
        return Optional.ofNullable(mongo.findOne(new Query(where("activityId").is(activityId)).with(Sort.by(Sort.Direction.DESC,
                "changedAt")).limit(1), Registration.class, REGISTRATIONS));
    }

    @Override
    public Optional<Registration> firstWaitlisted(String activityId) {
        return Optional.ofNullable(mongo.findOne(new Query(where("activityId").is(activityId).and("status")
                .is(Registration.WAITLISTED)).with(Sort.by("waitNumber")).limit(1), Registration.class, REGISTRATIONS));
    }

    @Override
    public boolean isRegistered(String activityId, String person) {
        return mongo.exists(query(where("_id").is(activityId + "|" + person).and("status").is("registered")),
                REGISTRATIONS);
    }
}
