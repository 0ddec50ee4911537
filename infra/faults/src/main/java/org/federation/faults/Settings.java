package org.federation.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the suite finds the children's classpath and Kafka's, where it works, and how long it runs.
 * System properties (set by the module's surefire configuration) or their defaults relative to the
 * repository's root.
 */
record Settings(String classpath, Path kafkaLibs, Path work, Duration duration, int clients, long seed) {

    static Settings fromSystem() throws IOException {
        Path classpathFile = Path.of(System.getProperty("faults.classpath", "infra/faults/target/faults.classpath"));
        Path classes = Path.of(System.getProperty("faults.classes", "infra/faults/target/classes"));
        if (!Files.exists(classpathFile)) {
            throw new IllegalStateException(classpathFile.toAbsolutePath() + " is missing; build first: "
                    + "./mvnw -pl infra/kafka-broker,infra/faults -DskipTests -Dspring-boot.repackage.skip=true package");
        }
        String classpath = classes.toAbsolutePath() + java.io.File.pathSeparator + Files.readString(classpathFile).strip();
        String duration = System.getProperty("faults.duration", System.getenv().getOrDefault("FAULTS_DURATION", ""));
        return new Settings(classpath,
                Path.of(System.getProperty("faults.kafkaLib", "infra/kafka-broker/target/lib")),
                Path.of(System.getProperty("faults.work", "infra/faults/target/fault-suite")),
                duration.isBlank() ? null : Duration.parse(duration),
                Integer.getInteger("faults.clients", 4),
                Long.getLong("faults.seed", System.nanoTime()));
    }

    /** The short (CI) version: every fault kind once, then stop; the long one repeats faults until the time is up. */
    boolean shortVersion() {
        return duration == null;
    }
}
