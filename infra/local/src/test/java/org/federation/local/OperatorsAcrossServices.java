package org.federation.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.federation.platform.testing.HttpProbe;
import org.federation.platform.testing.Scrape;

/**
 * The operators' files in {@code infra/observability/} against the running services: every metric
 * an alert rule or a dashboard panel names must be in the services' scrapes.
 */
final class OperatorsAcrossServices {

    /** Metric names in PromQL expressions: the platform's, Boot's and Kafka's prefixes. */
    private static final Pattern METRIC = Pattern.compile(
            "\\b((?:federation|http_server|spring_cloud_stream|kafka_consumer|kafka_producer|jvm|process)_[a-z0-9_]+)\\b");

    private OperatorsAcrossServices() {
    }

    static Path observability() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("infra/observability"))) {
                return dir.resolve("infra/observability");
            }
        }
        throw new IllegalStateException("no infra/observability above " + here);
    }

    /** The metric names the alert rules and the dashboard use. */
    static Set<String> namedMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String file : List.of("alerts.yml", "grafana-dashboard.json")) {
            Matcher m = METRIC.matcher(Files.readString(observability().resolve(file)));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Waits until the four services' scrapes together hold every named metric; returns those still missing. */
    static Set<String> missingFromScrapes(Set<String> named, List<Integer> managementPorts, Duration atMost) {
        List<Set<String>> missing = new ArrayList<>(List.of(Set.of()));
        try {
            Awaitility.await().atMost(atMost).pollInterval(Duration.ofSeconds(2)).until(() -> {
                Set<String> left = new TreeSet<>(named);
                for (int port : managementPorts) {
                    left.removeAll(Scrape.of(HttpProbe.onPort(port)).names());
                }
                missing.set(0, left);
                return left.isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // reported by the caller's assertion
        }
        return missing.get(0);
    }

    static void assertEveryNamedMetricIsScraped(List<Integer> managementPorts) throws IOException {
        Set<String> named = namedMetrics();
        assertThat(named).as("the rules and the dashboard name metrics").hasSizeGreaterThan(8);
        // Kafka's per-partition client metrics are picked up by Micrometer within a minute of the assignment
        assertThat(missingFromScrapes(named, managementPorts, Duration.ofSeconds(90))).isEmpty();
    }
}
