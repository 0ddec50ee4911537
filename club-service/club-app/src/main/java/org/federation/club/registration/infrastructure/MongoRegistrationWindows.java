package org.federation.club.registration.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.federation.club.contracts.ClubTopics;
import org.federation.club.registration.domain.RegistrationWindow;
import org.federation.club.registration.domain.RegistrationWindows;
import org.federation.platform.domain.Decision;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.problem.StateConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Registration windows in {@code registration-windows}, id = academic year, with their own outbox. */
@Repository
class MongoRegistrationWindows implements RegistrationWindows {

    static final String COLLECTION = "registration-windows";

    private final MongoTemplate mongo;
    private final AggregateRepository<RegistrationWindow, RegistrationWindow> windows;

    MongoRegistrationWindows(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.windows = store.repository(COLLECTION, ClubTopics.CLUB_EVENTS, RegistrationWindow.class);
    }

    @Override
    public void open(Decision<RegistrationWindow> opened) {
        try {
            windows.create(opened.state().academicYear(), opened);
        } catch (DuplicateKeyException e) {
            throw new StateConflictException("the registration for " + opened.state().academicYear() + " is already open");
        }
    }

    @Override
    public Optional<RegistrationWindow> find(String academicYear) {
        return windows.find(academicYear);
    }

    @Override
    public List<RegistrationWindow> all() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "_id")), RegistrationWindow.class, COLLECTION);
    }

    @Override
    public void markMissed(RegistrationWindow marked) {
        mongo.updateFirst(query(where("_id").is(marked.academicYear()).and("missedMarkedAt").is(null)),
                new Update().set("missedMarkedAt", marked.missedMarkedAt()), COLLECTION);
    }
}
