package org.federation.platform.embeddedstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;

/** Memory backend's collection that reads a filter naming one {@code _id} through the {@code _id} index ({@link IdFirst}). */
class IdFirstMemoryCollection extends MemoryCollection {

    IdFirstMemoryCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
        super(database, name, options, cursors);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                         Document fields) {
        // the whole filter is still applied, to the one document the id names
        return IdFirst.positions(query, getIndexes())
                .map(positions -> matchDocuments(query, positions, orderBy, skip, limit, batchSize, fields))
                .orElseGet(() -> super.queryDocuments(query, orderBy, skip, limit, batchSize, fields));
    }
}
