package org.federation.notification.delivery.infrastructure;

import org.federation.notification.delivery.domain.WebhookSignature;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.federation.notification.delivery.application.SigningSecrets;
import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.security.secret.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The signing secret of each registered webhook, one document per recipient and URL, apart from the
 * contact preferences so that no query of them ever returns a secret. A secret is made when its URL
 * is first registered and shown once, in that answer; it stays while the URL stays registered, and
 * is deleted with it (registering the URL again makes a new one). Signing needs the secret itself,
 * not a hash of it, so it is stored sealed ({@link SecretBox}, bound to its record); a secret
 * stored in plaintext before is sealed at start.
 */
@Repository
public class WebhookSecrets implements SigningSecrets {

    public static final String COLLECTION = "webhook-secrets";
    private static final Logger log = LoggerFactory.getLogger(WebhookSecrets.class);

    /** The sealed secret. */
    static final String SEALED_SECRET = "sealedSecret";
    /** The secret as plaintext, as stored before encryption at rest: migrated at start. */
    static final String PLAINTEXT_SECRET = "secret";

    /** One webhook's secret, sealed. */
    record WebhookSecret(String id, String recipient, String url, String sealedSecret, Instant createdAt) {
    }

    private final MongoTemplate mongo;
    private final SecretBox box;
    private final Clock clock;

    WebhookSecrets(MongoTemplate mongo, SecretBox box, MongoIndexes indexes, Clock clock) {
        this.mongo = mongo;
        this.box = box;
        this.clock = clock;
        // a recipient's webhook secrets
        indexes.ensure(COLLECTION, "recipient", "url");
        // the start-up step's look for secrets to seal (plaintext, or under an older key): sparse, few hold each field
        indexes.ensureSparse(COLLECTION, PLAINTEXT_SECRET);
        indexes.ensureSparse(COLLECTION, SEALED_SECRET);
    }

    private WebhookSecret newSecret(String recipient, String url, String secret) {
        String id = idOf(recipient, url);
        return new WebhookSecret(id, recipient, url, box.seal(secret, contextOf(id)), clock.instant());
    }

    private static String contextOf(String id) {
        return COLLECTION + "/" + id;
    }

    /**
     * Seals the secrets stored in plaintext before encryption at rest (and those sealed under an
     * older key-encryption key); each a compare-and-set on the value read, so two instances starting
     * together seal each once.
     */
    @EventListener(ApplicationReadyEvent.class)
    public int sealStoredSecrets() {
        int sealed = 0;
        for (Document stored : mongo.find(query(where(PLAINTEXT_SECRET).exists(true)), Document.class, COLLECTION)) {
            String id = stored.getString("_id");
            String plaintext = stored.getString(PLAINTEXT_SECRET);
            Update update = new Update().set(SEALED_SECRET, box.seal(plaintext, contextOf(id))).unset(PLAINTEXT_SECRET);
            sealed += (int) mongo.updateFirst(query(where("_id").is(id).and(PLAINTEXT_SECRET).is(plaintext)), update,
                    COLLECTION).getModifiedCount();
        }
        for (WebhookSecret stored : mongo.find(query(where(SEALED_SECRET).exists(true)), WebhookSecret.class, COLLECTION)) {
            if (box.needsResealing(stored.sealedSecret())) {
                String context = contextOf(stored.id());
                Update update = new Update().set(SEALED_SECRET, box.seal(box.open(stored.sealedSecret(), context), context));
                sealed += (int) mongo.updateFirst(query(where("_id").is(stored.id()).and(SEALED_SECRET).is(stored.sealedSecret())),
                        update, COLLECTION).getModifiedCount();
            }
        }
        if (sealed > 0) {
            log.info("Sealed {} webhook secret(s) stored in plaintext or under an older encryption key", sealed);
        }
        return sealed;
    }

    private static String idOf(String recipient, String url) {
        return Notice.idFor("webhook", recipient + "|" + url);
    }

    /**
     * Makes a secret for each of {@code urls} that has none, and deletes those of the recipient's
     * other webhooks; returns the new secrets by URL (the only time they are shown).
     */
    @Override
    public Map<String, String> keepOnly(String recipient, Collection<String> urls) {
        mongo.remove(query(where("recipient").is(recipient).and("url").nin(urls)), COLLECTION);
        Map<String, String> created = new LinkedHashMap<>();
        for (String url : urls) {
            String secret = WebhookSignature.newSecret();
            try {
                mongo.insert(newSecret(recipient, url, secret), COLLECTION);
                created.put(url, secret);
            } catch (DuplicateKeyException kept) {
                // registered before: its secret stays
            }
        }
        return created;
    }

    /** Replaces a registered webhook's secret (one that leaked): the old one signs nothing from now on. */
    @Override
    public String rotate(String recipient, String url) {
        String secret = WebhookSignature.newSecret();
        // save replaces the whole document: a plaintext secret from before goes with it
        mongo.save(newSecret(recipient, url, secret), COLLECTION);
        return secret;
    }

    /** The webhook's secret, opened; a plaintext one from before is still read until it is sealed at start. */
    @Override
    public Optional<String> of(String recipient, String url) {
        Document stored = mongo.findById(idOf(recipient, url), Document.class, COLLECTION);
        if (stored == null) {
            return Optional.empty();
        }
        String sealed = stored.getString(SEALED_SECRET);
        return Optional.ofNullable(sealed != null ? box.open(sealed, contextOf(stored.getString("_id")))
                : stored.getString(PLAINTEXT_SECRET));
    }
}
