package org.federation.club.credential.infrastructure;

import org.federation.club.credential.application.SigningKeys;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.federation.club.contracts.ClubEventTypes;
import org.federation.club.contracts.ClubTopics;
import org.federation.club.contracts.CredentialKeyPublished;
import org.federation.platform.domain.Decision;
import org.federation.platform.domain.DomainEvent;
import org.federation.platform.messaging.AggregateRepository;
import org.federation.platform.messaging.AggregateStore;
import org.federation.platform.persistence.MongoIndexes;
import org.federation.platform.security.secret.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * The keys member credentials are signed with, kept in {@code credential-keys} and each published
 * once (its {@code credential-key-published} event sits in the key document's outbox). The newest
 * key signs; every published key still verifies, so a credential signed before a
 * {@linkplain #rotate() rotation} verifies until it expires. If two instances start at once each
 * may create one: both are published, so both verify.
 *
 * <p>The private key is stored sealed ({@link SecretBox}, bound to its key id), never as plaintext;
 * a key stored in plaintext before is sealed at start. After a rotation the older keys' private
 * parts are erased: they only verify from then on, and what is not kept cannot leak.
 */
@Component
public class CredentialKeys implements SigningKeys {

    static final String COLLECTION = "credential-keys";
    /** The sealed private JWK. */
    static final String SEALED_PRIVATE_JWK = "sealedPrivateJwk";
    /** The private JWK as plaintext JSON, as stored before encryption at rest: migrated at start. */
    static final String PLAINTEXT_PRIVATE_JWK = "privateJwk";
    private static final Logger log = LoggerFactory.getLogger(CredentialKeys.class);

    /** The stored key: the sealed private JWK (null once retired), the public one as a map for the event. */
    record StoredKey(String keyId, String sealedPrivateJwk, Map<String, Object> publicJwk, Instant createdAt) {
    }

    /** A key made by {@link #rotate()}: it signs from now on. */
    public record Rotation(String keyId, Instant createdAt, List<String> retiredKeyIds) {
    }

    private final MongoTemplate mongo;
    private final AggregateRepository<StoredKey, StoredKey> keys;
    private final SecretBox box;
    private final Clock clock;
    private final Map<String, ECKey> opened = new ConcurrentHashMap<>();

    CredentialKeys(MongoTemplate mongo, AggregateStore store, SecretBox box, Clock clock, MongoIndexes indexes) {
        this.mongo = mongo;
        // the signing key (the keys still holding a private part) and the plaintext ones the start-up step seals:
        // sparse, as only those few documents hold the field
        indexes.ensureSparse(COLLECTION, SEALED_PRIVATE_JWK);
        indexes.ensureSparse(COLLECTION, PLAINTEXT_PRIVATE_JWK);
        this.keys = store.repository(COLLECTION, ClubTopics.CLUB_EVENTS, StoredKey.class);
        this.box = box;
        this.clock = clock;
    }

    /**
     * The private key new credentials are signed with: the newest stored one, created and published
     * on first use. Looked up on every call (one indexed read) so that a rotation made on any
     * instance takes effect on all.
     */
    @Override
    public ECKey signingKey() {
        return newest().orElseGet(() -> {
            synchronized (this) {
                return newest().orElseGet(this::create);
            }
        });
    }

    private Optional<ECKey> newest() {
        Query newest = new Query(where(SEALED_PRIVATE_JWK).exists(true))
                .with(Sort.by(Sort.Direction.DESC, "createdAt")).limit(1);
        return mongo.find(newest, StoredKey.class, COLLECTION).stream().findFirst()
                .map(k -> opened.computeIfAbsent(k.keyId(), id -> parse(box.open(k.sealedPrivateJwk(), contextOf(id)))));
    }

    private ECKey create() {
        try {
            String keyId = "member-credentials-" + UUID.randomUUID();
            ECKey key = new ECKeyGenerator(Curve.P_256).keyID(keyId).generate();
            Instant now = clock.instant();
            Map<String, Object> publicJwk = key.toPublicJWK().toJSONObject();
            keys.create(keyId, Decision.of(new StoredKey(keyId, box.seal(key.toJSONString(), contextOf(keyId)), publicJwk, now),
                    new DomainEvent(ClubEventTypes.CREDENTIAL_KEY_PUBLISHED, DomainEvent.SYSTEM,
                            new CredentialKeyPublished(keyId, publicJwk, now))));
            log.info("Created and published member-credential key {}", keyId);
            opened.put(keyId, key);
            return key;
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot create a member-credential key", e);
        }
    }

    /**
     * The operators' rotation: a new key, published, signs every credential from now on; the older
     * keys keep verifying what they signed until it expires, and their private parts are erased.
     */
    public Rotation rotate() {
        ECKey key;
        synchronized (this) {
            key = create();
        }
        Instant createdAt = clock.instant();
        Query older = new Query(where("_id").ne(key.getKeyID()).and(SEALED_PRIVATE_JWK).exists(true));
        List<String> retired = mongo.find(older, StoredKey.class, COLLECTION).stream().map(StoredKey::keyId).toList();
        if (!retired.isEmpty()) {
            mongo.updateMulti(new Query(where("_id").in(retired)), new Update().unset(SEALED_PRIVATE_JWK).inc("version", 1),
                    COLLECTION);
            retired.forEach(opened::remove);
        }
        log.info("Rotated the member-credential key: {} signs from now on; {} only verify", key.getKeyID(), retired);
        return new Rotation(key.getKeyID(), createdAt, retired);
    }

    /**
     * Seals the private keys stored in plaintext before encryption at rest (and those sealed under
     * an older key-encryption key). Each is a compare-and-set on the value read, so two instances
     * starting together seal each key once.
     */
    @EventListener(ApplicationReadyEvent.class)
    public int sealStoredKeys() {
        int sealed = 0;
        for (Document stored : mongo.find(query(where(PLAINTEXT_PRIVATE_JWK).exists(true)), Document.class, COLLECTION)) {
            String id = stored.getString("_id");
            String plaintext = stored.getString(PLAINTEXT_PRIVATE_JWK);
            Update update = new Update().set(SEALED_PRIVATE_JWK, box.seal(plaintext, contextOf(id)))
                    .unset(PLAINTEXT_PRIVATE_JWK).inc("version", 1);
            sealed += (int) mongo.updateFirst(query(where("_id").is(id).and(PLAINTEXT_PRIVATE_JWK).is(plaintext)), update,
                    COLLECTION).getModifiedCount();
        }
        for (StoredKey stored : mongo.find(query(where(SEALED_PRIVATE_JWK).exists(true)), StoredKey.class, COLLECTION)) {
            if (box.needsResealing(stored.sealedPrivateJwk())) {
                String context = contextOf(stored.keyId());
                Update update = new Update().set(SEALED_PRIVATE_JWK, box.seal(box.open(stored.sealedPrivateJwk(), context), context))
                        .inc("version", 1);
                sealed += (int) mongo.updateFirst(query(where("_id").is(stored.keyId())
                        .and(SEALED_PRIVATE_JWK).is(stored.sealedPrivateJwk())), update, COLLECTION).getModifiedCount();
            }
        }
        if (sealed > 0) {
            log.info("Sealed {} member-credential private key(s) stored in plaintext or under an older encryption key", sealed);
        }
        return sealed;
    }

    /**
     * Every published public key, oldest first: each still verifies what it signed (retired keys
     * lose only their private part), so a verifier needs all of them.
     */
    @Override
    public List<Map<String, Object>> publicKeys() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.ASC, "createdAt", "_id")), StoredKey.class, COLLECTION)
                .stream().map(StoredKey::publicJwk).filter(java.util.Objects::nonNull).toList();
    }

    /** A published public key by id, or null. */
    @Override
    public Map<String, Object> publicKey(String keyId) {
        StoredKey key = mongo.findById(keyId, StoredKey.class, COLLECTION);
        return key == null ? null : key.publicJwk();
    }

    private static String contextOf(String keyId) {
        return COLLECTION + "/" + keyId;
    }

    private static ECKey parse(String json) {
        try {
            return ECKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("a stored member-credential key cannot be read", e);
        }
    }
}
