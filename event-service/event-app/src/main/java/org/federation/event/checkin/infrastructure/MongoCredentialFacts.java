package org.federation.event.checkin.infrastructure;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.federation.club.contracts.CredentialKeyPublished;
import org.federation.club.contracts.CredentialRevoked;
import org.federation.club.contracts.MemberCredentials;
import org.federation.event.checkin.domain.CredentialKeys;
import org.federation.event.clubs.domain.CredentialFacts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * club-service's published credential keys ({@code credential-keys}, by key id) and the newest
 * revocation per club and student ({@code credential-revocations}, {@code _id} = club|student, only
 * ever moved forward), so check-in verifies member credentials offline. Keys are parsed and kept in
 * memory once read (a key never changes under its id); an id not (yet) published is not remembered, so
 * a key rotated in is found at its first scan on every instance. Revocations are read at every scan.
 */
@Component
class MongoCredentialFacts implements CredentialFacts, CredentialKeys {

    static final String KEYS = "credential-keys";
    static final String REVOCATIONS = "credential-revocations";

    private final MongoTemplate mongo;
    private final Map<String, ECPublicKey> keys = new ConcurrentHashMap<>();

    MongoCredentialFacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void keyPublished(CredentialKeyPublished key) {
        mongo.upsert(query(where("_id").is(key.keyId())), new Update().set("publicJwk", new Document(key.publicJwk()))
                .set("publishedAt", key.publishedAt() == null ? null : Date.from(key.publishedAt())), KEYS);
    }

    @Override
    public void revoked(CredentialRevoked revocation) {
        String id = revocation.club().id() + "|" + revocation.studentNumber();
        Date at = Date.from(revocation.revokedAt());
        if (mongo.updateFirst(query(where("_id").is(id).and("revokedAt").lt(at)), new Update().set("revokedAt", at),
                REVOCATIONS).getMatchedCount() == 1) {
            return;
        }
        try {
            mongo.insert(new Document("_id", id).append("revokedAt", at), REVOCATIONS);
        } catch (DuplicateKeyException e) {
            // already holds this or a newer revocation
        }
    }

    @Override
    public ECPublicKey publicKey(String keyId) {
        // computeIfAbsent keeps no null: an unknown id is looked up again next time
        return keys.computeIfAbsent(keyId, id -> {
            Document found = mongo.findById(id, Document.class, KEYS);
            Object jwk = found == null ? null : found.get("publicJwk");
            return jwk instanceof Document d ? MemberCredentials.publicKey(new java.util.HashMap<>(d)) : null;
        });
    }

    @Override
    public Instant newestRevocation(String clubId, String studentNumber) {
        Document found = mongo.findById(clubId + "|" + studentNumber, Document.class, REVOCATIONS);
        return found == null ? null : found.getDate("revokedAt").toInstant();
    }
}
