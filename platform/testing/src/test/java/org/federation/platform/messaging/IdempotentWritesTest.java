package org.federation.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.federation.platform.testing.EmbeddedBackbone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Update;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/** The sequence guard and the derived-id insert, on the embedded Mongo-wire store. */
class IdempotentWritesTest {

    private static MongoClient client;
    private static MongoTemplate mongo;
    private static IdempotentWrites writes;
    private final String collection = "read_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedBackbone.get().mongoUri("idempotent-test"));
        mongo = new MongoTemplate(client, "idempotent-test");
        writes = new IdempotentWrites(mongo);
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    private boolean apply(long sequence, String name) {
        return writes.applyIfNewer(collection, "c1", sequence, new Update().set("name", name));
    }

    private Document stored() {
        return mongo.findById("c1", Document.class, collection);
    }

    @Test
    void theSequenceIndexAnEarlierVersionCreatedIsDroppedAndTheGuardStillHolds() {
        mongo.indexOps(collection).createIndex(new Index().on("_id", Sort.Direction.ASC).on("sequence", Sort.Direction.ASC).unique());
        mongo.indexOps(collection).createIndex(new Index().on("name", Sort.Direction.ASC));

        assertThat(apply(2, "two")).isTrue();
        assertThat(apply(1, "one")).as("older than what is applied").isFalse();

        assertThat(mongo.indexOps(collection).getIndexInfo()).extracting(IndexInfo::getName)
                .containsExactlyInAnyOrder("_id_", "name_1");
        assertThat(stored().getString("name")).isEqualTo("two");
    }

    @Test
    void appliesNewerSequencesOnlyAndReportsWhatItDid() {
        assertThat(apply(1, "one")).isTrue();
        assertThat(apply(1, "one again")).as("duplicate").isFalse();
        assertThat(apply(3, "three")).as("a gap is fine: the snapshot is complete").isTrue();
        assertThat(apply(2, "two")).as("older than what is applied").isFalse();
        assertThat(apply(4, "four")).isTrue();
        assertThat(stored().getString("name")).isEqualTo("four");
        assertThat(stored().get("sequence", Number.class).longValue()).isEqualTo(4);
    }

    @Test
    void theFirstEventSeenNeedNotBeSequenceOne() {
        assertThat(apply(7, "seven")).isTrue();
        assertThat(apply(7, "seven")).isFalse();
        assertThat(stored().getString("name")).isEqualTo("seven");
    }

    @Test
    void concurrentWritersLeaveTheNewestSequence() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            java.util.List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (long s = 1; s <= 40; s++) {
                long sequence = s;
                results.add(pool.submit(() -> apply(sequence, "v" + sequence)));
            }
            for (Future<Boolean> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(stored().get("sequence", Number.class).longValue()).isEqualTo(40);
        assertThat(stored().getString("name")).isEqualTo("v40");
    }

    @Test
    void insertOnceInsertsADerivedIdOnlyOnce() {
        Document notice = new Document("_id", "event-1|department:organization").append("title", "t");
        assertThat(writes.insertOnce(collection, notice)).isTrue();
        assertThat(writes.insertOnce(collection, new Document(notice))).isFalse();
        assertThat(mongo.getCollection(collection).countDocuments()).isEqualTo(1);
    }

    @Test
    void aBatchInsertsWhatIsMissingAndReportsExactlyThat() {
        assertThat(writes.insertOnce(collection, new Document("_id", "n2").append("v", "first"))).isTrue();
        java.util.List<Document> batch = java.util.List.of(new Document("_id", "n1"), new Document("_id", "n2").append("v", "second"),
                new Document("_id", "n3"));
        assertThat(writes.insertAllOnce(collection, batch)).containsExactly("n1", "n3");
        assertThat(writes.insertAllOnce(collection, batch)).isEmpty();
        assertThat(mongo.findById("n2", Document.class, collection).getString("v")).isEqualTo("first");
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(), collection)).isEqualTo(3);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> writes.insertAllOnce(collection,
                java.util.List.of(new Document("v", "no id")))).isInstanceOf(IllegalArgumentException.class);
    }
}
