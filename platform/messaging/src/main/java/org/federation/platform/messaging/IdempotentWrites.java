package org.federation.platform.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.result.UpdateResult;

/**
 * The two single-document writes that make a consumer idempotent: a read-model upsert guarded
 * by the source aggregate's sequence, and an insert whose {@code _id} is derived from the event.
 * Both report whether the write took effect; neither fails on a duplicate.
 */
public class IdempotentWrites {

    /** The field that holds the sequence of the newest event applied to a read-model document. */
    public static final String SEQUENCE = "sequence";

    private final MongoTemplate mongo;

    public IdempotentWrites(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Applies {@code update} to document {@code id}, creating it if needed, only if the event's
     * sequence is newer than the one the document last applied.
     *
     * <p>The upsert filters on {@code sequence < incoming}; when the document already holds a
     * newer (or the same) sequence, the filter misses and the upsert collides on {@code _id}
     * (E11000). That means "already applied", not a failure to retry.
     *
     * @return true if applied, false if the document already reflects this or a newer event
     */
    public boolean applyIfNewer(String collection, String id, long sequence, Update update) {
        update.set(SEQUENCE, sequence);
        try {
            UpdateResult result = mongo.upsert(query(where("_id").is(id).and(SEQUENCE).lt(sequence)), update, collection);
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException alreadyNewer) {
            return false;
        }
    }

    /**
     * Inserts a document whose {@code _id} is derived from the event (for example event id plus
     * recipient), so a redelivered event cannot insert it twice.
     *
     * @return true if inserted, false if it was already there
     */
    public boolean insertOnce(String collection, Document document) {
        if (document.get("_id") == null) {
            throw new IllegalArgumentException("insertOnce needs an _id derived from the event");
        }
        try {
            mongo.insert(document, collection);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }
}
