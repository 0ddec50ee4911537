package org.federation.platform.testing;

import java.net.InetSocketAddress;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import org.federation.platform.embeddedstore.EmbeddedStore;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.MongoBackend;

/**
 * One embedded Kafka broker (KRaft) and one in-memory Mongo-wire store per test JVM, started on
 * first use and shared by every test class, so Spring contexts can be cached and no test starts
 * a broker of its own.
 */
public final class EmbeddedBackbone {

    private static EmbeddedBackbone instance;

    private final EmbeddedKafkaKraftBroker kafka;
    private final MongoBackend mongoBackend = EmbeddedStore.inMemory();
    private volatile MongoServer mongo;
    private final InetSocketAddress mongoSocket;
    private final String mongoAddress;

    private EmbeddedBackbone() {
        kafka = new EmbeddedKafkaKraftBroker(1, 6);
        kafka.brokerProperty("auto.create.topics.enable", "false");
        kafka.brokerProperty("num.partitions", "6");
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.afterPropertiesSet();
        mongo = new MongoServer(mongoBackend);
        mongoSocket = mongo.bind();
        mongoAddress = "127.0.0.1:" + mongoSocket.getPort();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "embedded-backbone-stop"));
    }

    /** The shared backbone, started on first call. */
    public static synchronized EmbeddedBackbone get() {
        if (instance == null) {
            instance = new EmbeddedBackbone();
        }
        return instance;
    }

    public String kafkaBootstrapServers() {
        return kafka.getBrokersAsString();
    }

    /**
     * A new producer on this backbone's broker, set as the outbox relay's is ({@code acks=all},
     * idempotent), lingering 1 ms; for tests and benchmarks that run a relay of their own. The caller closes it.
     */
    public KafkaProducer<String, byte[]> relayProducer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new ByteArraySerializer());
    }

    public String mongoUri(String database) {
        return "mongodb://" + mongoAddress + "/" + database;
    }

    /** Points a Spring Boot app under test at the shared backbone, with its own database, trusting {@link TestTokens}. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        EmbeddedBackbone backbone = get();
        registry.add("spring.kafka.bootstrap-servers", backbone::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> backbone.mongoUri(database));
        registry.add("federation.security.issuer", () -> TestTokens.issuer().issuer());
        // Actuator on a management port of its own, as deployed; random, so cached contexts never clash
        registry.add("management.server.port", () -> 0);
    }

    /**
     * A store outage: the Mongo-wire server stops listening and drops every client connection, so
     * every app on the backbone finds its store gone (connection refused, then timeouts). The data
     * stays in memory for {@link #startMongo()}, which brings it back on the same port.
     */
    public synchronized void stopMongo() {
        mongo.stopListening();
        try {
            // closeClients is private: without it the apps' open connections would keep working
            java.lang.reflect.Method closeClients = MongoServer.class.getDeclaredMethod("closeClients");
            closeClients.setAccessible(true);
            closeClients.invoke(mongo);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot drop the store's client connections", e);
        }
    }

    /** Ends an outage begun by {@link #stopMongo()}: the same data, served again on the same port. */
    public synchronized void startMongo() {
        MongoServer restarted = new MongoServer(mongoBackend);
        restarted.bind(mongoSocket);
        mongo = restarted;
    }

    private void stop() {
        try {
            kafka.destroy();
        } finally {
            mongo.shutdownNow();
        }
    }
}
