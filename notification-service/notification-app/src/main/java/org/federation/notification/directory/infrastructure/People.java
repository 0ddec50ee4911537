package org.federation.notification.directory.infrastructure;

import org.federation.notification.directory.domain.KnownPeople;
import org.federation.notification.directory.domain.Person;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.security.Caller;
import org.federation.platform.security.FederationRole;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * People seen signing in. The first call of a person records them (and their department roles in
 * {@link Departments}); later calls write only when the token says something new, so reading
 * changes nothing stored.
 */
@Repository
public class People implements KnownPeople {

    static final String COLLECTION = "people";

    private final MongoTemplate mongo;
    private final Departments departments;
    private final Clock clock;
    /** subject → what was last recorded for them by this instance, so an unchanged token costs no write. */
    private final Map<String, String> recorded = new ConcurrentHashMap<>();

    People(MongoTemplate mongo, MongoIndexes indexes, Departments departments, Clock clock) {
        this.mongo = mongo;
        this.departments = departments;
        this.clock = clock;
        // people by role (the liaison officers)
        indexes.ensure(COLLECTION, "roles");
    }

    /** Records what the caller's token says about them, if it is new. */
    @Override
    public void seen(Caller caller) {
        List<String> roles = caller.roles().stream().map(FederationRole::toString).sorted().toList();
        String fingerprint = caller.name() + "|" + caller.email() + "|" + roles;
        if (fingerprint.equals(recorded.get(caller.subject()))) {
            return;
        }
        Person known = mongo.findById(caller.subject(), Person.class, COLLECTION);
        if (known == null || !Objects.equals(known.name(), caller.name()) || !Objects.equals(known.email(), caller.email())
                || !Objects.equals(known.roles(), roles)) {
            mongo.upsert(query(where("_id").is(caller.subject())), new Update().set("name", caller.name())
                    .set("email", caller.email()).set("roles", roles).setOnInsert("firstSeenAt", clock.instant()), COLLECTION);
        }
        for (FederationRole role : caller.roles()) {
            if (role.department() != null) {
                boolean head = role.kind() == FederationRole.Kind.DEPARTMENT_HEAD;
                boolean listed = departments.find(role.department())
                        .map(d -> head ? d.heads().contains(caller.subject()) : d.members().contains(caller.subject()))
                        .orElse(false);
                if (!listed) {
                    departments.seen(role.department(), caller.subject(), head);
                }
            }
        }
        recorded.put(caller.subject(), fingerprint);
    }

    @Override
    public Optional<Person> find(String subject) {
        return Optional.ofNullable(mongo.findById(subject, Person.class, COLLECTION));
    }

    @Override
    public Map<String, Person> findAll(Collection<String> subjects) {
        return mongo.find(query(where("_id").in(subjects)), Person.class, COLLECTION).stream()
                .collect(Collectors.toMap(Person::id, p -> p));
    }

    /** Everyone who signed in with the liaison officer's role. */
    @Override
    public List<String> liaisonOfficers() {
        return mongo.find(query(where("roles").is("LIAISON")), Person.class, COLLECTION).stream().map(Person::id).toList();
    }
}
