package org.federation.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command when the platform cannot start (here: Kafka's classpath not built): it says
 * why and ends with a non-zero status, instead of leaving a process that holds the data folder's lock.
 */
class LocalPlatformStartFailureTest {

    @Test
    void aPlatformThatCannotStartSaysWhyAndExits(@TempDir Path data) throws Exception {
        Path output = data.resolve("output.txt");
        ProcessBuilder launch = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), LocalPlatform.class.getName())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        launch.environment().put("FEDERATION_DATA", data.resolve("data").toString());
        launch.environment().put("FEDERATION_KAFKA_LIB", data.resolve("not-built" + File.separator + "lib").toString());
        Process platform = launch.start();
        try {
            // before: the store's threads kept the JVM running after the failure, without end
            assertThat(platform.waitFor(60, TimeUnit.SECONDS)).as("the process ended").isTrue();
            assertThat(platform.exitValue()).isEqualTo(1);
            String said = Files.readString(output, StandardCharsets.UTF_8);
            // the store's port may be taken on a developer's machine; either way the reason is said
            assertThat(said).contains("The federation platform could not start:")
                    .containsAnyOf("Kafka's classpath", "is taken");
        } finally {
            platform.destroyForcibly();
        }
    }
}
