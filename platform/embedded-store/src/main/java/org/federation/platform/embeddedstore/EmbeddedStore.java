package org.federation.platform.embeddedstore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * The Mongo-wire store that stands in for MongoDB where there is none: the tests' shared backbone, the
 * local platform and the fault suite. mongo-java-server, with one difference: a filter that names one
 * {@code _id} reads that document through the {@code _id} index, whatever else the filter says, as
 * MongoDB does. mongo-java-server uses an index only for a filter on exactly its keys, so without this
 * every conditional write by id ({@code _id} and {@code version}, {@code _id} and a lease token,
 * {@code _id} and a state) would scan the whole collection, and the services would have to declare
 * indexes MongoDB does not need (and pays for on every write) only for the embedded store.
 */
public final class EmbeddedStore {

    private EmbeddedStore() {
    }

    /** A store kept in memory (gone with the process). */
    public static MongoBackend inMemory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String name) {
                return new MemoryDatabase(name, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String collection, CollectionOptions options) {
                        return new IdFirstMemoryCollection(this, collection, options, cursorRegistry);
                    }
                };
            }
        };
    }

    /** A store kept in one H2 (MVStore) file, so documents survive a restart. */
    public static H2Backend inFile(String file) {
        return new H2Backend(file) {
            @Override
            protected H2Database openOrCreateDatabase(String name) {
                return new H2Database(name, getMvStore(), getCursorRegistry()) {
                    @Override
                    protected H2Collection openOrCreateCollection(String collection, CollectionOptions options) {
                        // the maps H2Database itself opens for a collection (data and metadata), by the same names
                        String namespace = getFullCollectionNamespace(collection);
                        return new IdFirstH2Collection(this, collection, options, getMvStore().openMap("databases." + namespace),
                                getMvStore().openMap("meta." + namespace), cursorRegistry);
                    }
                };
            }
        };
    }
}
