package org.federation.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.federation.platform.testing.EmbeddedBackbone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexField;
import org.springframework.data.mongodb.core.index.IndexInfo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * An outbox collection keeps the one index the relay needs (sparse, on the first pending event);
 * the two unique indexes on {@code _id} with the version and with the lease token, which an earlier
 * version declared, are dropped where a store still has them, by every instance that starts.
 */
class OutboxIndexesTest {

    private static MongoClient client;
    private static MongoTemplate mongo;

    @BeforeAll
    static void connect() {
        client = MongoClients.create(EmbeddedBackbone.get().mongoUri("outbox-indexes-test"));
        mongo = new MongoTemplate(client, "outbox-indexes-test");
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void theIndexesAnEarlierVersionKeptForTheEmbeddedStoreAreDroppedAndTheOutboxIndexKept() {
        String collection = "retired_" + UUID.randomUUID().toString().substring(0, 8);
        mongo.getCollection(collection).insertOne(new Document("_id", "a").append("version", 1));
        mongo.indexOps(collection).createIndex(new Index().on("_id", Sort.Direction.ASC).on("version", Sort.Direction.ASC).unique());
        mongo.indexOps(collection).createIndex(new Index().on("_id", Sort.Direction.ASC)
                .on(OutboxFields.LEASE_TOKEN, Sort.Direction.ASC).unique());
        mongo.indexOps(collection).createIndex(new Index().on("_id", Sort.Direction.ASC).on("state", Sort.Direction.ASC).unique());

        relayFor(collection);
        relayFor(collection); // a second instance starting finds them gone

        assertThat(keysOf(collection)).containsExactlyInAnyOrder(List.of("_id"), List.of(OutboxFields.PENDING + ".0"),
                List.of("_id", "state"));
        assertThat(mongo.getCollection(collection).countDocuments()).isEqualTo(1);
    }

    private static void relayFor(String collection) {
        new OutboxRelay(mongo, new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()),
                List.of(new OutboxCollection(collection, "test.retired")),
                new OutboxRelaySettings(Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofSeconds(15), 1),
                Clock.systemUTC());
    }

    private static List<List<String>> keysOf(String collection) {
        return mongo.indexOps(collection).getIndexInfo().stream()
                .map(IndexInfo::getIndexFields).map(fields -> fields.stream().map(IndexField::getKey).toList()).toList();
    }
}
