package org.federation.notification.directory.infrastructure;

import org.federation.notification.directory.domain.KnownDepartments;
import org.federation.notification.directory.domain.Department;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.federation.platform.messaging.IdempotentWrites;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The departments: heads, members and liaison assignments, from the roster and from sign-ins. */
@Repository
public class Departments implements KnownDepartments {

    static final String COLLECTION = "departments";

    private final MongoTemplate mongo;
    private final IdempotentWrites writes;

    Departments(MongoTemplate mongo, MongoIndexes indexes, IdempotentWrites writes) {
        this.mongo = mongo;
        this.writes = writes;
        // departments with liaison assignments
        indexes.ensure(COLLECTION, "liaisonAssignments");
    }

    /** Applies a roster event (key = department) if newer than the last one applied. */
    public boolean applyRoster(String department, long sequence, List<String> heads, List<String> members,
                               List<Department.LiaisonAssignment> liaisons) {
        Update update = new Update().set("rosterHeads", heads).set("rosterMembers", members)
                .set("liaisonAssignments", liaisons);
        return writes.applyIfNewer(COLLECTION, department, sequence, update);
    }

    /** Someone signed in with a department role: they count as its member (or head) from now on. */
    public void seen(String department, String subject, boolean head) {
        mongo.upsert(query(where("_id").is(department)),
                new Update().addToSet(head ? "seenHeads" : "seenMembers", subject), COLLECTION);
    }

    public Optional<Department> find(String department) {
        return Optional.ofNullable(mongo.findById(department, Department.class, COLLECTION));
    }

    @Override
    public Set<String> heads(String department) {
        return find(department).map(Department::heads).orElse(Set.of());
    }

    /** The liaison officer the roster assigns to this club, if any. */
    @Override
    public Optional<String> rosterLiaisonOf(String clubId) {
        for (Department department : mongo.findAll(Department.class, COLLECTION)) {
            if (department.liaisonAssignments() != null) {
                for (Department.LiaisonAssignment assignment : department.liaisonAssignments()) {
                    if (assignment.clubIds() != null && assignment.clubIds().contains(clubId)) {
                        return Optional.of(assignment.officer());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Every liaison officer any roster names. */
    @Override
    public Set<String> rosterLiaisonOfficers() {
        Set<String> officers = new LinkedHashSet<>();
        for (Department department : mongo.find(query(where("liaisonAssignments").ne(null)), Department.class, COLLECTION)) {
            department.liaisonAssignments().forEach(a -> officers.add(a.officer()));
        }
        return officers;
    }

    List<Department> all() {
        return new ArrayList<>(mongo.findAll(Department.class, COLLECTION));
    }
}
