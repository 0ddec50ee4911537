package org.federation.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Apache Kafka's own broker (KRaft, single node) as a child process with its own classpath
 * (infra/kafka-broker/target/lib). Its log directory lives in the data folder and is formatted
 * only once, so a restart finds the topics and offsets of the last run.
 */
final class KafkaBroker implements AutoCloseable {

    private final Path home;
    private final Path libs;
    private final int port;
    private final int controllerPort;
    private Process process;

    KafkaBroker(Path home, Path libs, int port, int controllerPort) {
        this.home = home;
        this.libs = libs;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    void start(Duration timeout) throws IOException, InterruptedException {
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("Kafka's classpath " + libs.toAbsolutePath()
                    + " is missing; build first: ./mvnw -DskipTests package");
        }
        if (portOpen(port)) {
            throw new IllegalStateException("port " + port + " is taken; is another Kafka (or the platform) running?");
        }
        Files.createDirectories(home);
        Path config = writeConfig();
        Path logs = home.resolve("logs");
        if (!Files.exists(logs.resolve("meta.properties"))) {
            run(List.of("kafka.tools.StorageTool", "format", "--cluster-id", clusterId(), "--standalone",
                    "--config", config.toString()), Duration.ofSeconds(60));
        }
        process = java("kafka.Kafka", config.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("broker.out").toFile()))
                .redirectErrorStream(true).start();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!portOpen(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see "
                        + home.resolve("broker.out"));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Kafka did not open port " + port + " within " + timeout);
            }
            Thread.sleep(200);
        }
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
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") );
        Files.writeString(home.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.out.ref=out",
                "appender.out.type=Console",
                "appender.out.name=out",
                "appender.out.layout.type=PatternLayout",
                "appender.out.layout.pattern=[%d] %p %m (%c)%n",
                "logger.kafka.name=kafka.server.KafkaRaftServer",
                "logger.kafka.level=INFO",
                ""));
        return config;
    }

    private String clusterId() throws IOException {
        Path file = home.resolve("cluster-id");
        if (!Files.exists(file)) {
            // Kafka wants a base64 UUID of 22 characters
            UUID uuid = UUID.randomUUID();
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
            bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
            Files.writeString(file, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array()));
        }
        return Files.readString(file).strip();
    }

    private void run(List<String> mainAndArgs, Duration timeout) throws IOException, InterruptedException {
        Process format = java(mainAndArgs.get(0), mainAndArgs.subList(1, mainAndArgs.size()).toArray(String[]::new))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("broker.out").toFile()))
                .redirectErrorStream(true).start();
        if (!format.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("formatting Kafka's storage failed; see " + home.resolve("broker.out"));
        }
    }

    private ProcessBuilder java(String mainClass, String... args) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(javaBin, "-Xms256m", "-Xmx512m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + home.resolve("log4j2.properties").toAbsolutePath(),
                "-cp", libs.toAbsolutePath() + "/*", mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy(); // SIGTERM: Kafka shuts down cleanly and keeps its log
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
