package org.federation.faults;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Apache Kafka's broker (KRaft, one node) as a process of its own, with Kafka's classpath
 * (infra/kafka-broker/target/lib, log4j2) apart from the services' (logback). Its log directory is
 * formatted once, so a restart finds the topics, records and committed offsets of before.
 */
final class Broker {

    private final Path home;
    private final int port;
    private final int controllerPort;
    private final ChildProcess formatter;
    private final ChildProcess broker;

    Broker(Path home, Path libs) throws IOException {
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("Kafka's classpath " + libs.toAbsolutePath() + " is missing; build "
                    + "infra/kafka-broker first (./mvnw -pl infra/kafka-broker package)");
        }
        this.home = home;
        this.port = ChildProcess.freePort();
        this.controllerPort = ChildProcess.freePort();
        Files.createDirectories(home);
        Path config = writeConfig();
        String classpath = libs.toAbsolutePath() + "/*";
        List<String> jvm = List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties").toAbsolutePath());
        String clusterId = clusterId();
        this.formatter = new ChildProcess("kafka-format", jvm, classpath, "kafka.tools.StorageTool",
                List.of("format", "--cluster-id", clusterId, "--standalone", "--config", config.toString()),
                home.resolve("broker.out"));
        this.broker = new ChildProcess("kafka", jvm, classpath, "kafka.Kafka", List.of(config.toString()),
                home.resolve("broker.out"));
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    void start(Duration timeout) throws InterruptedException {
        if (!Files.exists(home.resolve("logs").resolve("meta.properties"))) {
            formatter.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (formatter.alive()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("formatting Kafka's storage took too long; see " + formatter.log());
                }
                Thread.sleep(200);
            }
        }
        broker.start();
        Waits.until("the broker listens on " + port, timeout, () -> {
            if (!broker.alive()) {
                throw new IllegalStateException("Kafka exited; see " + broker.log());
            }
            return ChildProcess.portOpen(port);
        });
    }

    /** Stops the broker with SIGTERM (a controlled shutdown; its log stays). */
    void stop() {
        broker.terminate(60);
    }

    private Path writeConfig() throws IOException {
        Path config = home.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "log.dirs=" + home.resolve("logs").toAbsolutePath(),
                "num.partitions=6",
                "auto.create.topics.enable=false",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=6",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // the instances' short session timeout (6 s) must be allowed
                "group.min.session.timeout.ms=2000",
                ""));
        Files.writeString(home.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.out.ref=out",
                "appender.out.type=Console",
                "appender.out.name=out",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=[%d] %p %m (%c)%n",
                ""));
        return config;
    }

    private String clusterId() throws IOException {
        Path file = home.resolve("cluster-id");
        if (!Files.exists(file)) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array()));
        }
        return Files.readString(file).strip();
    }
}
