package org.federation.club.roster.infrastructure;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.federation.club.contracts.ClubTopics;
import org.federation.club.roster.domain.Department;
import org.federation.club.roster.domain.Departments;
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

/** Departments in {@code departments} (id = name), each with its outbox of roster events. */
@Repository
class MongoDepartments implements Departments {

    static final String COLLECTION = "departments";

    private final MongoTemplate mongo;
    private final AggregateRepository<Department, Department> departments;

    MongoDepartments(MongoTemplate mongo, AggregateStore store, MongoIndexes indexes) {
        this.mongo = mongo;
        this.departments = store.repository(COLLECTION, ClubTopics.CLUB_EVENTS, Department.class);
        // "which department is this person in": one branch per role, each served by its own index
        indexes.ensure(COLLECTION, "head.studentNumber");
        indexes.ensure(COLLECTION, "deputyHeads.studentNumber");
        indexes.ensure(COLLECTION, "members.studentNumber");
    }

    @Override
    public Department change(String name, Function<Department, Decision<Department>> decision) {
        if (departments.find(name).isEmpty()) {
            try {
                departments.create(name, Decision.quietly(Department.empty(name)));
            } catch (DuplicateKeyException createdMeanwhile) {
                // another request created it first: change that one
            }
        }
        return departments.change(name, "department", decision).state();
    }

    @Override
    public Optional<Department> find(String name) {
        return departments.find(name);
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
