package org.federation.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * One instance of one service: its own JVM, public port and management (Actuator) port, the same
 * consumer groups as its twin. Consumers time out after 6 s (heartbeat 2 s), so a killed
 * instance's partitions move to its twin within seconds.
 */
final class Instance {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String service;
    private final int index;
    private final int port;
    private final int managementPort;
    private final ChildProcess process;

    Instance(String service, String mainClass, String database, int index, String classpath, Path logs,
             String kafka, int storePort, String issuer) {
        this.service = service;
        this.index = index;
        this.port = ChildProcess.freePort();
        this.managementPort = ChildProcess.freePort();
        List<String> jvm = List.of("-Xmx256m", "-Xss512k", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8");
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--management.server.port=" + managementPort,
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--spring.mongodb.uri=mongodb://127.0.0.1:" + storePort + "/" + database,
                "--federation.security.issuer=" + issuer,
                "--federation.demo.enabled=false",
                "--spring.profiles.active=local",
                "--spring.main.banner-mode=off",
                // graceful shutdown on SIGTERM (Boot's default, said here since the suite relies on it)
                "--server.shutdown=graceful",
                "--spring.lifecycle.timeout-per-shutdown-phase=20s",
                // a dead instance's partitions move to its twin within seconds
                "--spring.cloud.stream.kafka.binder.consumer-properties.session.timeout.ms=6000",
                "--spring.cloud.stream.kafka.binder.consumer-properties.heartbeat.interval.ms=2000",
                "--management.otlp.metrics.export.enabled=false",
                "--logging.level.root=WARN",
                "--logging.level.org.federation=INFO"));
        this.process = new ChildProcess(service + "-" + index, jvm, classpath, mainClass, args,
                logs.resolve(service + "-" + index + ".log"));
    }

    String service() {
        return service;
    }

    String name() {
        return process.name();
    }

    int port() {
        return port;
    }

    int managementPort() {
        return managementPort;
    }

    String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    String managementUri() {
        return "http://127.0.0.1:" + managementPort;
    }

    void start() {
        process.start();
    }

    boolean alive() {
        return process.alive();
    }

    void kill() {
        process.kill();
    }

    void terminate() {
        process.terminate(60);
    }

    /** Ready: the process answers {@code /readyz} with 200 (its store answers). */
    boolean ready() {
        return process.alive() && readiness().equals("ready");
    }

    /**
     * Its state in one line, for a wait that timed out: "ready", "exited with code N" and the last error
     * its log names, or what {@code /readyz} answered and, when it was not 200, which health components
     * the management port says are not up, and why.
     */
    String state() {
        if (!process.alive()) {
            Integer code = process.exitCode();
            String error = process.lastError();
            return (code == null ? "not started" : "exited with code " + code) + (error == null ? "" : " (" + shorten(error) + ")");
        }
        String readiness = readiness();
        return readiness.equals("ready") ? readiness : readiness + "; " + managementHealth();
    }

    /** The process exited although the suite did not stop it (start() runs it again). */
    boolean exited() {
        return process.exitCode() != null;
    }

    String logTail(int lines) {
        return process.logTail(lines);
    }

    Path log() {
        return process.log();
    }

    String dumpThreads() {
        return process.dumpThreads(process.log().resolveSibling(name() + "-threads-" + System.currentTimeMillis() + ".txt"));
    }

    private String readiness() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUri() + "/readyz"))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200 ? "ready" : "/readyz answered " + response.statusCode();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "/readyz: no answer (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** The health components that are not up, with their error (the management port shows details). */
    private String managementHealth() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(managementUri() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return "health " + response.statusCode() + componentsNotUp(response.body());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "health: no answer (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** ", every component up" or ": mongo DOWN: <its error>, …" from Actuator's health with details. */
    static String componentsNotUp(String health) {
        JsonNode components = Http.JSON.readTree(health).path("components");
        List<String> down = new ArrayList<>();
        for (Map.Entry<String, JsonNode> component : components.properties()) {
            String status = component.getValue().path("status").asString("");
            if (!status.equals("UP")) {
                JsonNode error = component.getValue().path("details").path("error");
                down.add(component.getKey() + " " + status + (error.isMissingNode() ? "" : ": " + shorten(error.asString(""))));
            }
        }
        return down.isEmpty() ? ", every component up" : ": " + String.join(", ", down);
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    void awaitReady(Duration timeout) {
        Waits.until(name() + " is ready", timeout, () -> {
            if (!process.alive()) {
                throw new IllegalStateException(name() + " " + state() + "; see " + process.log());
            }
            return ready();
        });
    }

    @Override
    public String toString() {
        return name() + " (pid " + process.pid() + ", port " + port + ", management " + managementPort + ")";
    }
}
