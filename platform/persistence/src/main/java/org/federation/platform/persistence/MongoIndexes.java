package org.federation.platform.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.dao.DataAccessException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.index.IndexOperations;

/**
 * The indexes a service's queries need, declared where the queries are written (the
 * infrastructure class that runs them) and created at start-up, while that class is built.
 *
 * <p>Every declaration is kept, so a test can check that each filter the service sends to the
 * store is served by one of them: the embedded store of the tests ignores non-unique indexes, so
 * only the declarations say what a real MongoDB would use. Creating an index that exists is a
 * no-op, so every instance of a service declares them at every start.
 */
public class MongoIndexes {

    /**
     * One declared index.
     *
     * @param collection the collection
     * @param keys       its keys, in order (all ascending: equality and range queries on the leading keys)
     * @param unique     whether it is also a uniqueness rule
     */
    public record Declared(String collection, List<String> keys, boolean unique, boolean sparse) {
    }

    private final MongoTemplate mongo;
    private final List<Declared> declared = new CopyOnWriteArrayList<>();

    public MongoIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Declares and creates an ascending index on {@code keys} (compound when several, in that order). */
    public void ensure(String collection, String... keys) {
        create(collection, false, false, keys);
    }

    /** Declares and creates a unique ascending index on {@code keys}. */
    public void ensureUnique(String collection, String... keys) {
        create(collection, true, false, keys);
    }

    /**
     * Declares and creates a sparse index on {@code key}: only documents that have the field are in
     * it, so a query for "has one" (the outbox's pending events) reads a handful of entries.
     */
    public void ensureSparse(String collection, String key) {
        create(collection, false, true, key);
    }

    /**
     * Drops the index on exactly {@code keys} (in that order) if the collection has it: one an
     * earlier version declared and no query needs any more, which MongoDB would otherwise keep
     * updating on every write. Safe with several instances starting at once (one that finds the
     * index already gone carries on).
     */
    public void retire(String collection, String... keys) {
        List<String> wanted = List.of(keys);
        IndexOperations operations = mongo.indexOps(collection);
        for (IndexInfo index : operations.getIndexInfo()) {
            if (index.getIndexFields().stream().map(IndexField::getKey).toList().equals(wanted)) {
                try {
                    operations.dropIndex(index.getName());
                } catch (DataAccessException e) {
                    if (operations.getIndexInfo().stream().anyMatch(i -> i.getName().equals(index.getName()))) {
                        throw e; // not another instance dropping it first: a real failure
                    }
                }
            }
        }
    }

    /** Every index declared so far in this service. */
    public List<Declared> declared() {
        return List.copyOf(declared);
    }

    private void create(String collection, boolean unique, boolean sparse, String... keys) {
        if (keys.length == 0) {
            throw new IllegalArgumentException("an index needs at least one key");
        }
        Index index = new Index();
        for (String key : keys) {
            index.on(key, Sort.Direction.ASC);
        }
        if (unique) {
            index.unique();
        }
        if (sparse) {
            index.sparse();
        }
        mongo.indexOps(collection).createIndex(index);
        declared.add(new Declared(collection, List.copyOf(new ArrayList<>(List.of(keys))), unique, sparse));
    }
}
