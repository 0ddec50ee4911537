package org.federation.notification.delivery.infrastructure;

import org.federation.notification.delivery.domain.ContactPreferences;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;

import org.federation.notification.directory.domain.KnownPeople;
import org.federation.notification.directory.domain.Person;
import org.federation.notification.directory.application.Recipients;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Contact preferences as changed through the API; until then a person's are their token's e-mail
 * (recorded when they first signed in) and a department has none.
 */
@Repository
public class Contacts {

    static final String COLLECTION = "contacts";

    private final MongoTemplate mongo;
    private final KnownPeople people;
    private final Clock clock;

    Contacts(MongoTemplate mongo, KnownPeople people, Clock clock) {
        this.mongo = mongo;
        this.people = people;
        this.clock = clock;
    }

    public ContactPreferences of(String recipient) {
        ContactPreferences stored = mongo.findById(recipient, ContactPreferences.class, COLLECTION);
        if (stored != null) {
            return stored;
        }
        String email = recipient.startsWith(Recipients.PERSON)
                ? people.find(recipient.substring(Recipients.PERSON.length())).map(Person::email).orElse(null) : null;
        return new ContactPreferences(recipient, email, email != null, List.of(), null, null);
    }

    /** Contact preferences of many recipients at once (two queries), for a fan-out. */
    public java.util.Map<String, ContactPreferences> ofAll(java.util.Collection<String> recipients) {
        java.util.Map<String, ContactPreferences> all = new java.util.HashMap<>();
        mongo.find(query(where("_id").in(recipients)), ContactPreferences.class, COLLECTION).forEach(c -> all.put(c.id(), c));
        java.util.List<String> people = recipients.stream().filter(r -> !all.containsKey(r) && r.startsWith(Recipients.PERSON))
                .map(r -> r.substring(Recipients.PERSON.length())).toList();
        java.util.Map<String, Person> known = people.isEmpty() ? java.util.Map.of() : this.people.findAll(people);
        for (String recipient : recipients) {
            all.computeIfAbsent(recipient, r -> {
                Person person = r.startsWith(Recipients.PERSON) ? known.get(r.substring(Recipients.PERSON.length())) : null;
                String email = person == null ? null : person.email();
                return new ContactPreferences(r, email, email != null, List.of(), null, null);
            });
        }
        return all;
    }

    public ContactPreferences change(String recipient, String email, boolean emailEnabled, List<String> webhooks, String by) {
        mongo.upsert(query(where("_id").is(recipient)), new Update().set("email", email).set("emailEnabled", emailEnabled)
                .set("webhooks", webhooks).set("updatedAt", clock.instant()).set("updatedBy", by), COLLECTION);
        return of(recipient);
    }
}
