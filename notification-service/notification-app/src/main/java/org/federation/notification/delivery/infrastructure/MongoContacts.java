package org.federation.notification.delivery.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.federation.notification.delivery.domain.ContactPreferences;
import org.federation.notification.delivery.domain.ContactRecords;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** {@link ContactRecords} in {@code contacts}, one document per recipient who changed theirs. */
@Repository
class MongoContacts implements ContactRecords {

    static final String COLLECTION = "contacts";

    private final MongoTemplate mongo;

    MongoContacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<ContactPreferences> find(String recipient) {
        return Optional.ofNullable(mongo.findById(recipient, ContactPreferences.class, COLLECTION));
    }

    @Override
    public List<ContactPreferences> findAll(Collection<String> recipients) {
        return mongo.find(query(where("_id").in(recipients)), ContactPreferences.class, COLLECTION);
    }

    @Override
    public void save(String recipient, String email, boolean emailEnabled, List<String> webhooks, String by, Instant at) {
        mongo.upsert(query(where("_id").is(recipient)), new Update().set("email", email).set("emailEnabled", emailEnabled)
                .set("webhooks", webhooks).set("updatedAt", at).set("updatedBy", by), COLLECTION);
    }
}
