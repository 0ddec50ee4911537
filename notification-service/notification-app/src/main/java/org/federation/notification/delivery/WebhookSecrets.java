package org.federation.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.federation.notification.inbox.domain.Notice;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The signing secret of each registered webhook, one document per recipient and URL, apart from the
 * contact preferences so that no query of them ever returns a secret. A secret is made when its URL
 * is first registered and shown once, in that answer; it stays while the URL stays registered, and
 * is deleted with it (registering the URL again makes a new one). It is stored as is: signing needs
 * the secret itself, not a hash of it.
 */
@Repository
class WebhookSecrets {

    static final String COLLECTION = "webhook-secrets";

    /** One webhook's secret. */
    record WebhookSecret(String id, String recipient, String url, String secret, Instant createdAt) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    WebhookSecrets(MongoTemplate mongo, MongoIndexes indexes, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        // a recipient's webhook secrets
        indexes.ensure(COLLECTION, "recipient", "url");
    }

    private static String idOf(String recipient, String url) {
        return Notice.idFor("webhook", recipient + "|" + url);
    }

    /**
     * Makes a secret for each of {@code urls} that has none, and deletes those of the recipient's
     * other webhooks; returns the new secrets by URL (the only time they are shown).
     */
    Map<String, String> keepOnly(String recipient, Collection<String> urls) {
        mongo.remove(query(where("recipient").is(recipient).and("url").nin(urls)), COLLECTION);
        Map<String, String> created = new LinkedHashMap<>();
        for (String url : urls) {
            WebhookSecret secret = new WebhookSecret(idOf(recipient, url), recipient, url, WebhookSignature.newSecret(),
                    clock.instant());
            try {
                mongo.insert(secret, COLLECTION);
                created.put(url, secret.secret());
            } catch (DuplicateKeyException kept) {
                // registered before: its secret stays
            }
        }
        return created;
    }

    /** Replaces a registered webhook's secret (one that leaked): the old one signs nothing from now on. */
    String rotate(String recipient, String url) {
        WebhookSecret secret = new WebhookSecret(idOf(recipient, url), recipient, url, WebhookSignature.newSecret(),
                clock.instant());
        mongo.save(secret, COLLECTION);
        return secret.secret();
    }

    Optional<String> of(String recipient, String url) {
        return Optional.ofNullable(mongo.findById(idOf(recipient, url), WebhookSecret.class, COLLECTION)).map(WebhookSecret::secret);
    }
}
