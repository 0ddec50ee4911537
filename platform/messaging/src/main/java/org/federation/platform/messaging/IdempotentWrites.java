package org.federation.platform.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.bson.Document;
import org.federation.platform.persistence.MongoIndexes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
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

    private static final int MAX_ATTEMPTS = 10;

    private final MongoTemplate mongo;
    private final MongoIndexes indexes;
    private final java.util.Set<String> checked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public IdempotentWrites(MongoTemplate mongo) {
        this.mongo = mongo;
        this.indexes = new MongoIndexes(mongo);
    }

    /**
     * Applies {@code update} to document {@code id}, creating it if needed, only if the event's
     * sequence is newer than the one the document last applied.
     *
     * <p>Reads the document's sequence by {@code _id}, then writes with a filter on {@code _id}
     * and exactly that sequence (compare-and-set). A concurrent writer makes the filter miss (or
     * the upsert collide on {@code _id}, E11000), and the read is repeated. Both the read and the
     * write find their document through the {@code _id} index, on MongoDB and on the embedded store
     * alike, where a range filter such as {@code sequence < n} would scan the collection.
     *
     * @return true if applied, false if the document already reflects this or a newer event
     */
    public boolean applyIfNewer(String collection, String id, long sequence, Update update) {
        return applyIfNewer(collection, id, SEQUENCE, sequence, update);
    }

    /**
     * The same for one <em>group of fields</em> that only some events carry (an activity's
     * attendance, its report status), each group with a sequence field of its own: an older event
     * re-driven after newer ones still sets a group that no newer event set, while the fields every
     * event carries stay guarded by {@link #SEQUENCE}. Each group's write is idempotent on its own,
     * so a crash between two groups' writes is finished by the redelivery.
     *
     * @param sequenceField the field holding the newest sequence applied to this group
     */
    public boolean applyIfNewer(String collection, String id, String sequenceField, long sequence, Update update) {
        retireSequenceIndex(collection, sequenceField);
        update.set(sequenceField, sequence);
        if (applyAfter(collection, id, sequenceField, sequence == 1 ? null : sequence - 1, update)) {
            return true; // the usual case: the event right after the last one applied, in one write
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Query byId = query(where("_id").is(id));
            byId.fields().include(sequenceField);
            Document current = mongo.findOne(byId, Document.class, collection);
            Long applied = current == null || !(current.get(sequenceField) instanceof Number n) ? null : n.longValue();
            if (applied != null && applied >= sequence) {
                return false;
            }
            if (applyAfter(collection, id, sequenceField, applied, update)) {
                return true;
            }
        }
        throw new IllegalStateException("could not apply sequence " + sequence + " to " + collection + "/" + id
                + " after " + MAX_ATTEMPTS + " attempts; it is retried with the message");
    }

    /** Writes only if the document's sequence is exactly {@code applied} (null: no document, or none applied yet). */
    private boolean applyAfter(String collection, String id, String sequenceField, Long applied, Update update) {
        Query unchanged = query(where("_id").is(id).and(sequenceField).is(applied));
        try {
            UpdateResult result = applied == null ? mongo.upsert(unchanged, update, collection)
                    : mongo.updateFirst(unchanged, update, collection);
            return result.getMatchedCount() > 0 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException changedMeanwhile) {
            return false; // the document exists with another sequence: read it and decide again
        }
    }

    /**
     * An earlier version created a unique {@code (_id, sequenceField)} index for the embedded store
     * (which now finds a filter's {@code _id} by itself); MongoDB would keep updating it on every
     * write, so it is dropped where it exists, once per collection and field.
     */
    private void retireSequenceIndex(String collection, String sequenceField) {
        String key = collection + "/" + sequenceField;
        if (!checked.contains(key)) {
            indexes.retire(collection, "_id", sequenceField); // a store away fails the write: retried with the message
            checked.add(key);
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

    /**
     * Inserts many documents whose {@code _id}s are derived from their cause in one unordered
     * {@code insertMany}, so a redelivered cause inserts none of them twice: a duplicate {@code _id}
     * means "already there", any other error fails the call (after the rest were tried).
     *
     * @return the {@code _id}s that were inserted by this call
     */
    public java.util.Set<Object> insertAllOnce(String collection, java.util.List<Document> documents) {
        for (Document document : documents) {
            if (document.get("_id") == null) {
                throw new IllegalArgumentException("insertAllOnce needs an _id derived from the cause on every document");
            }
        }
        return insertIgnoringDuplicates(mongo, collection, documents);
    }

    /** Error code of a duplicate key (E11000), the same on MongoDB and the embedded store. */
    private static final int DUPLICATE_KEY = 11000;

    /**
     * One unordered {@code insertMany}: every document is tried even if some are duplicates, and
     * the ids of those that went in are returned. Another write error is thrown once every document
     * was tried; callers redo the whole batch, and its duplicates are then harmless.
     */
    static java.util.Set<Object> insertIgnoringDuplicates(MongoTemplate mongo, String collection,
                                                          java.util.List<Document> documents) {
        java.util.Set<Object> inserted = new java.util.LinkedHashSet<>();
        if (documents.isEmpty()) {
            return inserted;
        }
        documents.forEach(d -> inserted.add(d.get("_id")));
        try {
            mongo.getCollection(collection).insertMany(documents, new com.mongodb.client.model.InsertManyOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            RuntimeException other = null;
            for (com.mongodb.bulk.BulkWriteError error : e.getWriteErrors()) {
                inserted.remove(documents.get(error.getIndex()).get("_id"));
                if (error.getCode() != DUPLICATE_KEY && other == null) {
                    other = new org.springframework.dao.DataIntegrityViolationException("insert into " + collection
                            + " failed: " + error.getMessage(), e);
                }
            }
            if (other != null || e.getWriteConcernError() != null) {
                throw other != null ? other : new org.springframework.dao.DataAccessResourceFailureException(
                        "insert into " + collection + " not acknowledged: " + e.getWriteConcernError(), e);
            }
        }
        return inserted;
    }
}
