package org.federation.club.credential.infrastructure;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubTopics;
import org.federation.club.contracts.CredentialKeyPublished;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * The key member credentials are signed with, kept in {@code credential-keys} and published once
 * (its {@code credential-key-published} event sits in the key document's outbox). The newest key
 * signs; every published key still verifies. If two instances start at once each may create one:
 * both are published, so both verify.
 */
@Component
public class CredentialKeys {

    static final String COLLECTION = "credential-keys";
    private static final Logger log = LoggerFactory.getLogger(CredentialKeys.class);

    /** The stored key: the private JWK as JSON, the public one as a map for the event. */
    record StoredKey(String keyId, String privateJwk, Map<String, Object> publicJwk, Instant createdAt) {
    }

    private final MongoTemplate mongo;
    private final AggregateRepository<StoredKey, StoredKey> keys;
    private final Clock clock;
    private volatile ECKey signing;

    CredentialKeys(MongoTemplate mongo, AggregateStore store, Clock clock) {
        this.mongo = mongo;
        this.keys = store.repository(COLLECTION, ClubTopics.CLUB_EVENTS, StoredKey.class);
        this.clock = clock;
    }

    /** The private key new credentials are signed with, created and published on first use. */
    public ECKey signingKey() {
        ECKey key = signing;
        if (key == null) {
            synchronized (this) {
                key = signing != null ? signing : newest().orElseGet(this::create);
                signing = key;
            }
        }
        return key;
    }

    private Optional<ECKey> newest() {
        List<StoredKey> keys = mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(1),
                StoredKey.class, COLLECTION);
        return keys.stream().findFirst().map(k -> parse(k.privateJwk()));
    }

    private ECKey create() {
        try {
            String keyId = "member-credentials-" + UUID.randomUUID();
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
            Instant now = clock.instant();
            Map<String, Object> publicJwk = key.toPublicJWK().toJSONObject();
            keys.create(keyId, Decision.of(new StoredKey(keyId, key.toJSONString(), publicJwk, now),
                    new DomainEvent(ClubEventTypes.CREDENTIAL_KEY_PUBLISHED, DomainEvent.SYSTEM,
                            new CredentialKeyPublished(keyId, publicJwk, now))));
            log.info("Created and published member-credential key {}", keyId);
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot create a member-credential key", e);
        }
    }

    /** A published public key by id, or null. */
    public Map<String, Object> publicKey(String keyId) {
        StoredKey key = mongo.findById(keyId, StoredKey.class, COLLECTION);
        return key == null ? null : key.publicJwk();
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored member-credential key cannot be read", e);
        }
    }
}
