package org.federation.club.roster.infrastructure;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubTopics;
import org.federation.club.contracts.RosterChanged;
import org.federation.club.roster.domain.Department;
import org.federation.club.roster.domain.Departments;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.messaging.NewEvent;
import org.federation.platform.messaging.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Departments in {@code departments} (id = name), each with its outbox of roster events. */
@Repository
class MongoDepartments implements Departments {

    static final String COLLECTION = "departments";

    @Configuration(proxyBeanMethods = false)
    static class Outbox {
        @Bean
        OutboxCollection departmentOutbox() {
            return new OutboxCollection(COLLECTION, ClubTopics.CLUB_EVENTS);
        }
    }

    private final MongoTemplate mongo;
    private final AggregateStore store;

    MongoDepartments(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public Department change(String name, UnaryOperator<Department> change, Function<Department, RosterChanged> event,
                             String actor) {
        if (find(name).isEmpty()) {
            try {
                store.insert(COLLECTION, name, Department.empty(name), List.of());
            } catch (DuplicateKeyException createdMeanwhile) {
                // another request created it first: change that one
            }
        }
        Department[] changed = new Department[1];
        store.change(COLLECTION, name, Department.class, current -> {
            changed[0] = change.apply(current);
            return new AggregateStore.Decision<>(changed[0],
                    List.of(new NewEvent(ClubEventTypes.ROSTER_CHANGED, actor, event.apply(changed[0]))));
        });
        return changed[0];
    }

    @Override
    public Optional<Department> find(String name) {
        return store.find(COLLECTION, name, Department.class).map(v -> v.state());
    }

    @Override
    public List<Department> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Department.class, COLLECTION);
    }

    @Override
    public Optional<Department> of(String studentNumber) {
        Criteria anyRole = new Criteria().orOperator(Criteria.where("head.studentNumber").is(studentNumber),
                Criteria.where("deputyHeads.studentNumber").is(studentNumber),
                Criteria.where("members.studentNumber").is(studentNumber));
        return Optional.ofNullable(mongo.findOne(Query.query(anyRole), Department.class, COLLECTION));
    }
}
