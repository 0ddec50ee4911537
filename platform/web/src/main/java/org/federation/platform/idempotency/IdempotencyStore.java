package org.federation.platform.idempotency;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The {@code idempotency-keys} collection: one document per caller and key, claimed by inserting
 * it (the unique {@code _id} makes the claim atomic across instances), completed with the
 * response to replay, or deleted when the request was refused. Every write is a single-document
 * write filtered on {@code _id} plus the claim's token, so a request that lost its claim (its
 * lease expired and a retry took the key over) can no longer complete or release it.
 *
 * <p>Expiry is checked on every read ({@code expiresAt}): the embedded store ignores TTL
 * indexes. On MongoDB a TTL index on {@code expiresAt} also removes old records.
 */
public final class IdempotencyStore {

    public static final String COLLECTION = "idempotency-keys";

    public static final String ID = "_id";
    public static final String CALLER = "caller";
    public static final String KEY = "key";
    public static final String METHOD = "method";
    public static final String PATH = "path";
    public static final String FINGERPRINT = "fingerprint";
    public static final String STATE = "state";
    /** The current claim's random token: who may complete or release the record. */
    public static final String TOKEN = "token";
    public static final String RESPONSE = "response";
    /** The kept body, in a response kept before sealing or without a {@link ResponseSealer}. */
    public static final String BODY = "body";
    /** The kept body encrypted by the {@link ResponseSealer} (bound to the record's id). */
    public static final String SEALED_BODY = "sealedBody";
    public static final String CREATED_AT = "createdAt";
    public static final String COMPLETED_AT = "completedAt";
    /** The lease's end while in progress; the end of retention once completed. */
    public static final String EXPIRES_AT = "expiresAt";
    /**
     * How the request's handler derives ids from the key: {@value #PER_REQUEST} (from the key and the
     * request's fingerprint) on records written since it exists; absent on older ones (from the key alone).
     */
    public static final String DERIVATION = "derivation";
    public static final String PER_REQUEST = "per-request";

    public static final String IN_PROGRESS = "in-progress";
    public static final String COMPLETED = "completed";

    private static final Logger log = LoggerFactory.getLogger(IdempotencyStore.class);
    private static final int ATTEMPTS = 5;

    /** A request about to run under a key. */
    public record Attempt(String id, String caller, String key, String method, String path, String fingerprint) {
    }

    /** The part of a response that is replayed. */
    public record StoredResponse(int status, String contentType, String location, byte[] body) {
    }

    /** What to do with a request that carries a key. */
    public sealed interface Decision permits Claimed, Replay, Reused, InProgress {
    }

    /**
     * The key is this request's now: run it, then {@link #complete} or {@link #release}.
     *
     * @param perRequestIds whether the handler derives ids from the key and the request's fingerprint; false
     *                      only when this request is the same as one that ran before per-request ids existed
     *                      (a retry after it crashed mid-way, or after its record's retention), so the retry
     *                      finds what that one created
     */
    public record Claimed(String id, String token, boolean perRequestIds) implements Decision {

        public Claimed(String id, String token) {
            this(id, token, true);
        }
    }

    /** The same request completed before: answer with its response. */
    public record Replay(StoredResponse response) implements Decision {
    }

    /** The key was used for another request (named by its method and path). */
    public record Reused(String method, String path) implements Decision {
    }

    /** The same key's request is still running. */
    public record InProgress() implements Decision {
    }

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration lease;
    private final Duration retention;
    private final AtomicBoolean indexed = new AtomicBoolean();
    private final ResponseSealer sealer;

    public IdempotencyStore(MongoTemplate mongo, Clock clock, Duration lease, Duration retention) {
        this(mongo, clock, lease, retention, null);
    }

    /**
     * @param sealer encrypts the kept bodies (they may carry a secret shown once); null keeps them as they are
     */
    public IdempotencyStore(MongoTemplate mongo, Clock clock, Duration lease, Duration retention, ResponseSealer sealer) {
        this.mongo = mongo;
        this.clock = clock;
        this.lease = lease;
        this.retention = retention;
        this.sealer = sealer;
    }

    /**
     * Claims the key for this attempt, or says why not: the completed response to replay, another
     * request that used the key, or the same request still running. An absent, released or
     * expired record is claimed (an expired one by a compare-and-set on its token).
     */
    public Decision begin(Attempt attempt) {
        ensureIndexes();
        for (int round = 0; round < ATTEMPTS; round++) {
            Instant now = clock.instant();
            String token = UUID.randomUUID().toString();
            try {
                Document claim = claim(attempt, token, now);
                claim.put(ID, attempt.id());
                mongo.insert(claim, COLLECTION);
                return new Claimed(attempt.id(), token);
            } catch (DuplicateKeyException taken) {
                // someone holds or held the key: look at what they left
            }
            Document existing = mongo.findById(attempt.id(), Document.class, COLLECTION);
            if (existing == null) {
                continue; // released meanwhile: claim it afresh
            }
            Date expiresAt = existing.getDate(EXPIRES_AT);
            if (IN_PROGRESS.equals(existing.getString(STATE)) && !attempt.fingerprint().equals(existing.getString(FINGERPRINT))) {
                // running, or died mid-way having perhaps written records under ids derived from it: only the same
                // request may take it over and finish them; another one under its key is refused, even once the
                // lease ran out, rather than run beside them under other ids
                return new Reused(existing.getString(METHOD), existing.getString(PATH));
            }
            if (expiresAt == null || !expiresAt.toInstant().isAfter(now)) {
                // the same request as one that ran before per-request ids (a retry after a crash, or after the
                // record's retention): it keeps deriving as that one did, so it finds what that one created
                boolean perRequestIds = PER_REQUEST.equals(existing.getString(DERIVATION))
                        || !attempt.fingerprint().equals(existing.getString(FINGERPRINT));
                Document fields = claim(attempt, token, now);
                if (!perRequestIds) {
                    fields.remove(DERIVATION);
                }
                Update takeOver = new Update();
                fields.forEach(takeOver::set);
                takeOver.unset(RESPONSE).unset(COMPLETED_AT);
                if (mongo.updateFirst(byToken(attempt.id(), existing.getString(TOKEN)), takeOver, COLLECTION)
                        .getMatchedCount() == 1) {
                    return new Claimed(attempt.id(), token, perRequestIds);
                }
                continue; // another request took it over first: look again
            }
            if (!attempt.fingerprint().equals(existing.getString(FINGERPRINT))) {
                return new Reused(existing.getString(METHOD), existing.getString(PATH));
            }
            if (COMPLETED.equals(existing.getString(STATE))) {
                return new Replay(response(attempt.id(), existing.get(RESPONSE, Document.class)));
            }
            return new InProgress();
        }
        // the key changed hands under us every time: as good as in progress, the client retries
        return new InProgress();
    }

    /**
     * Keeps the response for replay, for the configured retention. False if the claim was lost
     * meanwhile (the lease expired and a retry took the key over).
     */
    public boolean complete(Claimed claim, StoredResponse response) {
        Instant now = clock.instant();
        byte[] body = response.body() == null ? new byte[0] : response.body();
        Document stored = new Document("status", response.status())
                .append("contentType", response.contentType())
                .append("location", response.location());
        if (sealer != null) {
            stored.append(SEALED_BODY, new Binary(sealer.seal(body, claim.id())));
        } else {
            stored.append(BODY, new Binary(body));
        }
        Update update = new Update().set(STATE, COMPLETED).set(RESPONSE, stored)
                .set(COMPLETED_AT, Date.from(now)).set(EXPIRES_AT, Date.from(now.plus(retention)));
        return mongo.updateFirst(byToken(claim.id(), claim.token()), update, COLLECTION).getMatchedCount() == 1;
    }

    /** Forgets the claim (the request was refused and changed nothing), so the key can be used again. */
    public void release(Claimed claim) {
        mongo.remove(byToken(claim.id(), claim.token()), COLLECTION);
    }

    private Document claim(Attempt attempt, String token, Instant now) {
        return new Document(CALLER, attempt.caller())
                .append(KEY, attempt.key())
                .append(METHOD, attempt.method())
                .append(PATH, attempt.path())
                .append(FINGERPRINT, attempt.fingerprint())
                .append(DERIVATION, PER_REQUEST)
                .append(STATE, IN_PROGRESS)
                .append(TOKEN, token)
                .append(CREATED_AT, Date.from(now))
                .append(EXPIRES_AT, Date.from(now.plus(lease)));
    }

    private static byte[] bytes(Object body) {
        return body instanceof Binary binary ? binary.getData() : body instanceof byte[] raw ? raw : new byte[0];
    }

    private static Query byToken(String id, String token) {
        return query(where(ID).is(id).and(TOKEN).is(token));
    }

    private StoredResponse response(String id, Document stored) {
        if (stored == null) {
            return new StoredResponse(200, null, null, new byte[0]);
        }
        byte[] bytes = bytes(stored.get(BODY));
        Object sealed = stored.get(SEALED_BODY);
        if (sealed != null) {
            if (sealer == null) {
                throw new IllegalStateException("a kept response of " + COLLECTION + " is sealed, but no ResponseSealer is configured");
            }
            bytes = sealer.open(bytes(sealed), id);
        }
        Number status = stored.get("status", Number.class);
        return new StoredResponse(status == null ? 200 : status.intValue(), stored.getString("contentType"),
                stored.getString("location"), bytes);
    }

    /**
     * A unique (_id, token) index, so the embedded store answers the claim's compare-and-set by
     * index, and a TTL index on {@code expiresAt} for MongoDB (the embedded store ignores it).
     * Created on first use; a store that refuses them still works, by scanning.
     */
    private void ensureIndexes() {
        if (!indexed.compareAndSet(false, true)) {
            return;
        }
        createIndex(new Index().on(ID, Sort.Direction.ASC).on(TOKEN, Sort.Direction.ASC).unique());
        createIndex(new Index().on(EXPIRES_AT, Sort.Direction.ASC).expire(Duration.ZERO));
    }

    private void createIndex(Index index) {
        try {
            mongo.indexOps(COLLECTION).createIndex(index);
        } catch (RuntimeException e) {
            log.warn("Could not create the index {} of {}: {}", index.getIndexKeys().toJson(), COLLECTION, e.toString());
        }
    }
}
