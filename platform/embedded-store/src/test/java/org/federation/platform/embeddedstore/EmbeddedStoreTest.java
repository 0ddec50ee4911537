package org.federation.platform.embeddedstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * The embedded store answers a filter that names one {@code _id} from that document alone, and still
 * applies the whole filter; filters that name no single id work as before. Both backends.
 */
class EmbeddedStoreTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @TempDir
    Path folder;

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    @Test
    void inMemoryAppliesTheWholeFilterToTheDocumentItsIdNames() {
        appliesTheWholeFilterToTheDocumentItsIdNames(collectionOn(EmbeddedStore.inMemory()));
    }

    @Test
    void inFileAppliesTheWholeFilterToTheDocumentItsIdNames() {
        appliesTheWholeFilterToTheDocumentItsIdNames(collectionOn(EmbeddedStore.inFile(folder.resolve("store.mv").toString())));
    }

    @Test
    void inFileKeepsItsDocumentsAndTheirIdLookupAcrossARestart() {
        String file = folder.resolve("restart.mv").toString();
        MongoServer first = new MongoServer(EmbeddedStore.inFile(file));
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + first.bind().getPort())) {
            client.getDatabase("d").getCollection("c").insertOne(new Document("_id", "a").append("version", 1));
        } finally {
            first.shutdown();
        }
        MongoCollection<Document> again = collectionOn(EmbeddedStore.inFile(file));
        assertThat(again.find(filter("_id", "a", "version", 1)).first()).isNotNull();
        assertThat(again.updateOne(filter("_id", "a", "version", 1), Updates.set("version", 2))
                .getModifiedCount()).isEqualTo(1);
        assertThat(again.find(Filters.eq("_id", "a")).first().getInteger("version")).isEqualTo(2);
    }

    @Test
    void aFilterNamingOneIdExaminesOnlyThatDocument() {
        AtomicInteger examined = new AtomicInteger();
        MongoCollection<Document> idFirst = collectionOn(countingBackend(
                (database, name) -> new IdFirstMemoryCollection(database, name, CollectionOptions.withDefaults(), database.cursors()) {
                    @Override
                    protected boolean documentMatchesQuery(de.bwaldvogel.mongo.bson.Document document,
                                                           de.bwaldvogel.mongo.bson.Document query) {
                        examined.incrementAndGet();
                        return super.documentMatchesQuery(document, query);
                    }
                }));
        AtomicInteger scanned = new AtomicInteger();
        MongoCollection<Document> plain = collectionOn(countingBackend(
                (database, name) -> new MemoryCollection(database, name, CollectionOptions.withDefaults(), database.cursors()) {
                    @Override
                    protected boolean documentMatchesQuery(de.bwaldvogel.mongo.bson.Document document,
                                                           de.bwaldvogel.mongo.bson.Document query) {
                        scanned.incrementAndGet();
                        return super.documentMatchesQuery(document, query);
                    }
                }));
        for (MongoCollection<Document> collection : List.of(idFirst, plain)) {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                documents.add(new Document("_id", "d-" + i).append("version", 1));
            }
            collection.insertMany(documents);
        }
        examined.set(0);
        scanned.set(0);

        assertThat(idFirst.updateOne(filter("_id", "d-1000", "version", 1),
                Updates.set("version", 2)).getModifiedCount()).isEqualTo(1);
        assertThat(plain.updateOne(filter("_id", "d-1000", "version", 1),
                Updates.set("version", 2)).getModifiedCount()).isEqualTo(1);

        assertThat(examined).hasValue(1);
        assertThat(scanned.get()).as("mongo-java-server alone scans the collection").isGreaterThan(1_000);
    }

    private static void appliesTheWholeFilterToTheDocumentItsIdNames(MongoCollection<Document> c) {
        c.insertMany(List.of(new Document("_id", "a").append("version", 1).append("state", "open"),
                new Document("_id", "b").append("version", 2).append("state", "open"),
                new Document("_id", 7).append("version", 1).append("state", "closed")));

        assertThat(c.find(filter("_id", "a", "version", 1)).first()).isNotNull();
        assertThat(c.find(filter("_id", "a", "version", 2)).first())
                .as("the id matches, the version does not").isNull();
        assertThat(c.find(filter("_id", "missing", "version", 1)).first()).isNull();
        assertThat(c.find(filter("_id", 7, "state", "closed")).first()).isNotNull();
        assertThat(c.find(filter("_id", "b", "version", new Document("$gt", 1), "state", "open"))
                .first()).isNotNull();
        // no single id: as before
        assertThat(c.countDocuments(filter("_id", new Document("$in", List.of("a", "b")), "state", "open"))).isEqualTo(2);
        assertThat(c.countDocuments(Filters.eq("state", "open"))).isEqualTo(2);
        assertThat(c.countDocuments(filter("version", 1, "state", "open"))).isEqualTo(1);

        // conditional writes by id
        assertThat(c.updateOne(filter("_id", "a", "version", 2), Updates.set("version", 3))
                .getMatchedCount()).isZero();
        assertThat(c.updateOne(filter("_id", "a", "version", 1), Updates.set("version", 2))
                .getModifiedCount()).isEqualTo(1);
        assertThat(c.find(Filters.eq("_id", "a")).first().getInteger("version")).isEqualTo(2);
        assertThat(c.deleteOne(filter("_id", "b", "state", "closed")).getDeletedCount()).isZero();
        assertThat(c.deleteOne(filter("_id", "b", "state", "open")).getDeletedCount()).isEqualTo(1);
        assertThat(c.countDocuments()).isEqualTo(2);
    }

    /**
     * A flat filter, as Spring Data writes one ({@code where("_id").is(id).and("version").is(v)});
     * the driver's {@code Filters.and} would send {@code $and} instead.
     */
    private static Document filter(Object... keysAndValues) {
        Document filter = new Document();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            filter.append((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return filter;
    }

    private MongoCollection<Document> collectionOn(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        open.add(0, server::shutdown);
        open.add(0, client);
        return client.getDatabase("d").getCollection("c");
    }

    /** A memory backend whose collections {@code collections} makes (by database and name). */
    private static MongoBackend countingBackend(BiFunction<CountingDatabase, String, MemoryCollection> collections) {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String name) {
                return new CountingDatabase(name, this, collections);
            }
        };
    }

    private static final class CountingDatabase extends MemoryDatabase {

        private final BiFunction<CountingDatabase, String, MemoryCollection> collections;

        CountingDatabase(String name, MemoryBackend backend, BiFunction<CountingDatabase, String, MemoryCollection> collections) {
            super(name, new de.bwaldvogel.mongo.backend.CursorRegistry());
            this.collections = collections;
        }

        de.bwaldvogel.mongo.backend.CursorRegistry cursors() {
            return cursorRegistry;
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collection, CollectionOptions options) {
            // the constructor opens the database's own collections before this one's fields are set
            return collections == null ? super.openOrCreateCollection(collection, options) : collections.apply(this, collection);
        }
    }
}
