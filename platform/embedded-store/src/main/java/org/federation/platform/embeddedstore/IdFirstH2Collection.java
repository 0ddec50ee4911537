package org.federation.platform.embeddedstore;

import org.h2.mvstore.MVMap;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;

/** H2 backend's collection that reads a filter naming one {@code _id} through the {@code _id} index ({@link IdFirst}). */
class IdFirstH2Collection extends H2Collection {

    IdFirstH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> documents,
                        MVMap<String, Object> meta, CursorRegistry cursors) {
        super(database, name, options, documents, meta, cursors);
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
